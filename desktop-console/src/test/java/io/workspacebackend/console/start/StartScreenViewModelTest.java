package io.workspacebackend.console.start;

import static org.assertj.core.api.Assertions.assertThat;

import io.workspacebackend.client.ApiException;
import io.workspacebackend.client.WorkspaceClient;
import io.workspacebackend.console.testing.HeldWork;
import io.workspacebackend.launcher.LaunchException;
import io.workspacebackend.launcher.LaunchException.Problem;
import io.workspacebackend.model.user.QuotaOverrides;
import io.workspacebackend.model.user.Role;
import io.workspacebackend.model.user.User;
import io.workspacebackend.model.user.UserQuota;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The start screen's state and rules, without a window, a server or a launcher. */
class StartScreenViewModelTest {
  private static final URI REMOTE = URI.create("http://backend.example.org:8080");
  private static final URI LOCAL = URI.create("http://127.0.0.1:18080");
  private static final Path CONFIG = Path.of("/home/ada/.config/workspace-backend/config.toml");
  private static final String PASSWORD = "correct horse battery";

  private final FakeCalls calls = new FakeCalls();
  private final HeldWork work = new HeldWork();
  private final List<String> buildOutput = new ArrayList<>();
  private final List<Connected> opened = new ArrayList<>();
  private final StartScreenViewModel model =
      new StartScreenViewModel(calls, work, CONFIG, buildOutput::add, opened::add);

  @Test
  void theRememberedUrlIsFilledInUnlessTheUserTypedOneMeanwhile() {
    calls.remembered = Optional.of(REMOTE);
    model.open(Optional.empty(), Optional.empty());
    work.runAll();
    assertThat(model.urlProperty().get()).isEqualTo(REMOTE.toString());

    StartScreenViewModel typedFirst =
        new StartScreenViewModel(calls, work, CONFIG, buildOutput::add, opened::add);
    typedFirst.open(Optional.empty(), Optional.empty());
    typedFirst.urlProperty().set("other.example.org");
    work.runAll();
    assertThat(typedFirst.urlProperty().get()).isEqualTo("other.example.org");
  }

  @Test
  void aGivenUrlWinsAndNothingIsReadFromTheDisk() {
    calls.remembered = Optional.of(REMOTE);

    model.open(Optional.of(LOCAL), Optional.empty());

    assertThat(work.waiting()).isZero();
    assertThat(model.urlProperty().get()).isEqualTo(LOCAL.toString());
  }

  @Test
  void aLocalServerTheWindowKeepsShowsAsRunningWithItsUrlAndTheSignInForm() {
    model.open(Optional.empty(), Optional.of(new FakeServer()));

    assertThat(work.waiting()).isZero();
    assertThat(model.urlProperty().get()).isEqualTo(LOCAL.toString());
    assertThat(model.localStateProperty().get()).isEqualTo(LocalServerState.RUNNING);
    assertThat(model.localStatusProperty().get())
        .isEqualTo(Feedback.info("The local server runs at " + LOCAL + "."));
    assertThat(model.startLocalDisabledProperty().get()).isTrue();
    assertThat(model.firstAdminShownProperty().get()).isFalse();
  }

  @Test
  void beforeAnythingHappensSignInAndStartAreOfferedAndNothingElse() {
    model.open(Optional.of(REMOTE), Optional.empty());

    assertThat(model.busyProperty().get()).isFalse();
    assertThat(model.localStateProperty().get()).isEqualTo(LocalServerState.NOT_STARTED);
    assertThat(model.startLocalDisabledProperty().get()).isFalse();
    assertThat(model.buildImageShownProperty().get()).isFalse();
    assertThat(model.workingProperty().get()).isFalse();
    assertThat(model.firstAdminShownProperty().get()).isFalse();
    assertThat(model.localStatusProperty().get()).isEqualTo(Feedback.NONE);
  }

  @Test
  void aUrlThatIsNoServerAddressIsRefusedWithASentenceSayingWhy() {
    assertThat(signInProblemFor(""))
        .isEqualTo("Enter the server's URL, such as http://127.0.0.1:8080.");
    assertThat(signInProblemFor("back end.example.org"))
        .isEqualTo("The server URL must not contain spaces.");
    assertThat(signInProblemFor("ftp://backend.example.org"))
        .isEqualTo("The server URL is not valid: use an http:// or https:// address.");
    assertThat(signInProblemFor("backend.example.org/#top"))
        .isEqualTo("The server URL is not valid: the address must not have a query or fragment.");
    assertThat(signInProblemFor("http://backend^example.org"))
        .isEqualTo("The server URL is not valid: illegal character in authority.");
    assertThat(calls.signIns).isEmpty();
  }

  @Test
  void aUrlWithoutSchemeMeansHttp() {
    model.urlProperty().set(" backend.example.org:8080/ ");
    model.usernameProperty().set("ada");
    model.passwordProperty().set(PASSWORD);

    model.signIn();
    work.runAll();

    assertThat(calls.signIns).containsExactly(REMOTE + " ada");
  }

  @Test
  void signingInWithoutUsernameOrPasswordAsksForBoth() {
    model.urlProperty().set(REMOTE.toString());
    model.usernameProperty().set("  ");
    model.passwordProperty().set(PASSWORD);
    model.signIn();
    assertThat(model.signInMessageProperty().get())
        .isEqualTo(Feedback.problem("Enter your username and password."));

    model.usernameProperty().set("ada");
    model.passwordProperty().set("");
    model.signIn();
    assertThat(model.signInMessageProperty().get())
        .isEqualTo(Feedback.problem("Enter your username and password."));
    assertThat(work.waiting()).isZero();
  }

  @Test
  void signingInHoldsBothFormsThenRemembersTheServerAndOpensTheMainWindow() {
    fillSignIn(" ada ", PASSWORD);

    model.signIn();

    assertThat(model.busyProperty().get()).isTrue();
    assertThat(model.signInMessageProperty().get()).isEqualTo(Feedback.info("Signing in…"));
    model.signIn();
    assertThat(work.waiting()).as("a second click while signing in").isEqualTo(1);

    work.runAll();

    assertThat(calls.signIns).containsExactly(REMOTE + " ada");
    assertThat(calls.rememberedNow).containsExactly(REMOTE);
    assertThat(opened).extracting(connected -> connected.user().username()).containsExactly("ada");
  }

  @Test
  void aWrongPasswordAndADisabledAccountGetTheSameAnswerAndTheFormWorksAgain() {
    // The server answers both alike (401), so that nobody learns which accounts exist.
    calls.signInRefusal =
        new ApiException(401, "Unauthorized", "wrong username or password", List.of());
    fillSignIn("ada", "not the password");

    model.signIn();
    work.runAll();

    assertThat(model.signInMessageProperty().get())
        .isEqualTo(Feedback.problem("The username or password is wrong."));
    assertThat(model.busyProperty().get()).isFalse();
    assertThat(calls.rememberedNow).isEmpty();
    assertThat(opened).isEmpty();
  }

  @Test
  void tooManyAttemptsSayWhenToTryAgain() {
    calls.signInRefusal =
        new ApiException(
            429, "Too Many Requests", "too many failed attempts; try again in 42 s", List.of());
    fillSignIn("ada", PASSWORD);

    model.signIn();
    work.runAll();

    assertThat(model.signInMessageProperty().get())
        .isEqualTo(Feedback.problem("Too many failed attempts; try again in 42 s."));
  }

  @Test
  void anUnreachableServerIsNamedWithWhatWentWrong() throws IOException {
    URI nobody = closedPort();
    calls.signInFor = server -> WorkspaceClient.forServer(nobody).login("ada", PASSWORD);
    fillSignIn("ada", PASSWORD);
    model.urlProperty().set(nobody.toString());

    model.signIn();
    work.runAll();

    assertThat(model.signInMessageProperty().get())
        .isEqualTo(
            Feedback.problem(
                "The server at "
                    + nobody
                    + " cannot be reached (connection refused; is it running?)."));
    assertThat(model.busyProperty().get()).isFalse();
  }

  @Test
  void startingTheLocalServerShowsProgressAndOffersNothingMeanwhile() {
    model.startLocal();

    assertThat(model.localStateProperty().get()).isEqualTo(LocalServerState.STARTING);
    assertThat(model.localStatusProperty().get())
        .isEqualTo(Feedback.info("Starting the local server…"));
    assertThat(model.workingProperty().get()).isTrue();
    assertThat(model.startLocalDisabledProperty().get()).isTrue();
    assertThat(model.buildImageShownProperty().get()).isFalse();
    model.startLocal();
    assertThat(work.waiting()).as("a second click while starting").isEqualTo(1);
  }

  @Test
  void aFreshLocalServerIsKeptAndShowsTheFirstAdminFormInsteadOfSignIn() {
    calls.needsFirstAdmin = true;
    model.urlProperty().set(REMOTE.toString());

    model.startLocal();
    work.runAll();

    assertThat(calls.server.kept).isTrue();
    assertThat(model.localStateProperty().get()).isEqualTo(LocalServerState.NEEDS_FIRST_ADMIN);
    assertThat(model.firstAdminShownProperty().get()).isTrue();
    assertThat(model.urlProperty().get()).isEqualTo(LOCAL.toString());
    assertThat(model.localStatusProperty().get())
        .isEqualTo(Feedback.info("The local server runs at " + LOCAL + "."));
    assertThat(model.workingProperty().get()).isFalse();
    assertThat(model.startLocalDisabledProperty().get()).isTrue();
  }

  @Test
  void aLocalServerWithAccountsKeepsTheSignInForm() {
    model.startLocal();
    work.runAll();

    assertThat(model.localStateProperty().get()).isEqualTo(LocalServerState.RUNNING);
    assertThat(model.firstAdminShownProperty().get()).isFalse();
    assertThat(calls.server.kept).isTrue();
  }

  @Test
  void aMissingImageIsExplainedWithTheFixAndBuildImageIsOffered() {
    calls.startFailure =
        new LaunchException(Problem.IMAGE_MISSING, "the session image ws:1 is missing on docker");

    model.startLocal();
    work.runAll();

    assertThat(model.localStateProperty().get()).isEqualTo(LocalServerState.FAILED);
    assertThat(model.localStatusProperty().get())
        .isEqualTo(
            Feedback.problem(
                "The session image ws:1 is missing on docker. Click Build image to build it now."));
    assertThat(model.buildImageShownProperty().get()).isTrue();
    assertThat(model.buildImageDisabledProperty().get()).isFalse();
    assertThat(model.startLocalDisabledProperty().get()).isFalse();
    assertThat(model.workingProperty().get()).isFalse();
  }

  @Test
  void aTakenPortNamesTheSettingAndFileToChangeAndOffersNoBuild() {
    calls.startFailure =
        new LaunchException(
            Problem.PORT_IN_USE,
            "port 8080 on 127.0.0.1 is already in use; choose another with --port");

    model.startLocal();
    work.runAll();

    assertThat(model.localStatusProperty().get())
        .isEqualTo(
            Feedback.problem(
                "Port 8080 on 127.0.0.1 is already in use; set another server.port in "
                    + CONFIG
                    + "."));
    assertThat(model.buildImageShownProperty().get()).isFalse();
    assertThat(model.startLocalDisabledProperty().get()).isFalse();
  }

  @Test
  void eachOtherLaunchProblemIsOneSentence() {
    for (Problem problem : List.of(Problem.NO_RUNTIME, Problem.CONFIGURATION, Problem.OTHER)) {
      calls.startFailure = new LaunchException(problem, "no docker engine answers");

      model.startLocal();
      work.runAll();

      assertThat(model.localStatusProperty().get())
          .as(problem.name())
          .isEqualTo(Feedback.problem("No docker engine answers."));
      assertThat(model.buildImageShownProperty().get()).isFalse();
    }
  }

  @Test
  void aFailureOutsideTheLauncherIsOneSentenceToo() {
    calls.startFailure = new IllegalStateException("the database is locked");

    model.startLocal();
    work.runAll();

    assertThat(model.localStatusProperty().get())
        .isEqualTo(Feedback.problem("The database is locked."));
    assertThat(model.localStateProperty().get()).isEqualTo(LocalServerState.FAILED);
  }

  @Test
  void buildingTheImagePassesItsOutputOnAndThenStartsTheServer() {
    imageMissing();
    calls.buildLines = List.of("image: ws:1", "step 1/3", "built ws:1");

    model.buildImage();

    assertThat(model.localStateProperty().get()).isEqualTo(LocalServerState.BUILDING_IMAGE);
    assertThat(model.localStatusProperty().get())
        .isEqualTo(Feedback.info("Building the session image; this takes minutes the first time…"));
    assertThat(model.buildImageShownProperty().get()).isTrue();
    assertThat(model.buildImageDisabledProperty().get()).isTrue();
    assertThat(model.startLocalDisabledProperty().get()).isTrue();
    assertThat(model.workingProperty().get()).isTrue();

    calls.startFailure = null;
    work.runNext();

    assertThat(buildOutput).containsExactly("image: ws:1", "step 1/3", "built ws:1");
    assertThat(model.localStateProperty().get()).isEqualTo(LocalServerState.STARTING);
    assertThat(model.localStatusProperty().get())
        .isEqualTo(Feedback.info("Built ws:1. Starting the server…"));
    assertThat(model.buildImageShownProperty().get()).isFalse();

    work.runAll();
    assertThat(model.localStateProperty().get()).isEqualTo(LocalServerState.RUNNING);
  }

  @Test
  void aFailedBuildSaysSoAndOffersBuildAndStartAgain() {
    imageMissing();
    calls.buildFailure = new LaunchException(Problem.NO_RUNTIME, "no docker engine answers");

    model.buildImage();
    work.runAll();

    assertThat(model.localStatusProperty().get())
        .isEqualTo(Feedback.problem("The image build failed: No docker engine answers."));
    assertThat(model.localStateProperty().get()).isEqualTo(LocalServerState.FAILED);
    assertThat(model.buildImageShownProperty().get()).isTrue();
    assertThat(model.buildImageDisabledProperty().get()).isFalse();
    assertThat(model.startLocalDisabledProperty().get()).isFalse();
    assertThat(model.workingProperty().get()).isFalse();
  }

  @Test
  void buildImageDoesNothingUnlessTheImageIsMissing() {
    model.buildImage();

    assertThat(work.waiting()).isZero();
    assertThat(model.localStateProperty().get()).isEqualTo(LocalServerState.NOT_STARTED);
  }

  @Test
  void theFirstAdminFormChecksWhatTheServerWouldRefuseBeforeAskingIt() {
    freshLocalServer();

    assertThat(adminProblemFor(" ", PASSWORD, PASSWORD))
        .isEqualTo("Choose a username and a password.");
    assertThat(adminProblemFor("admin", "", "")).isEqualTo("Choose a username and a password.");
    assertThat(adminProblemFor("Admin", PASSWORD, PASSWORD))
        .isEqualTo(
            "The username must be 3 to 32 characters of a-z, 0-9, _ and -, starting with a letter"
                + " or digit.");
    assertThat(adminProblemFor("ad", PASSWORD, PASSWORD)).startsWith("The username must be");
    assertThat(adminProblemFor("admin", "short", "short"))
        .isEqualTo("The password must be 8 to 256 characters long.");
    assertThat(adminProblemFor("admin", "x".repeat(257), "x".repeat(257)))
        .isEqualTo("The password must be 8 to 256 characters long.");
    assertThat(adminProblemFor("admin", PASSWORD, PASSWORD + "!"))
        .isEqualTo("The two passwords differ.");
    assertThat(calls.server.admins).isEmpty();
  }

  @Test
  void creatingTheFirstAdminSignsInAsItAndRemembersTheLocalServer() {
    freshLocalServer();
    fillAdmin(" first-admin ", PASSWORD, PASSWORD);

    model.createAdmin();

    assertThat(model.busyProperty().get()).isTrue();
    assertThat(model.adminMessageProperty().get())
        .isEqualTo(Feedback.info("Creating the administrator…"));
    work.runAll();
    assertThat(calls.server.admins).containsExactly("first-admin");
    assertThat(calls.rememberedNow).containsExactly(LOCAL);
    assertThat(opened)
        .extracting(connected -> connected.user().username())
        .containsExactly("first-admin");
  }

  @Test
  void aRefusedFirstAdminSaysWhyAndTheFormWorksAgain() {
    freshLocalServer();
    calls.server.refusal =
        new ApiException(
            400,
            "Bad Request",
            "invalid request",
            List.of(new ApiException.FieldError("username", "is taken")));
    fillAdmin("first-admin", PASSWORD, PASSWORD);

    model.createAdmin();
    work.runAll();

    assertThat(model.adminMessageProperty().get())
        .isEqualTo(Feedback.problem("Username: is taken."));
    assertThat(model.busyProperty().get()).isFalse();
    assertThat(model.firstAdminShownProperty().get()).isTrue();
    assertThat(opened).isEmpty();
  }

  @Test
  void noFirstAdminIsCreatedUnlessTheLocalServerAsksForOne() {
    model.startLocal();
    work.runAll();
    fillAdmin("first-admin", PASSWORD, PASSWORD);

    model.createAdmin();

    assertThat(work.waiting()).isZero();
  }

  private String signInProblemFor(String url) {
    model.urlProperty().set(url);
    model.usernameProperty().set("ada");
    model.passwordProperty().set(PASSWORD);
    model.signIn();
    Feedback said = model.signInMessageProperty().get();
    assertThat(said.problem()).as(url).isTrue();
    return said.text();
  }

  private String adminProblemFor(String name, String password, String repeat) {
    fillAdmin(name, password, repeat);
    model.createAdmin();
    assertThat(work.waiting()).isZero();
    Feedback said = model.adminMessageProperty().get();
    assertThat(said.problem()).isTrue();
    return said.text();
  }

  private void fillSignIn(String username, String password) {
    model.urlProperty().set(REMOTE.toString());
    model.usernameProperty().set(username);
    model.passwordProperty().set(password);
  }

  private void fillAdmin(String name, String password, String repeat) {
    model.adminNameProperty().set(name);
    model.adminPasswordProperty().set(password);
    model.adminRepeatProperty().set(repeat);
  }

  private void imageMissing() {
    calls.startFailure =
        new LaunchException(Problem.IMAGE_MISSING, "the session image ws:1 is missing");
    model.startLocal();
    work.runAll();
  }

  private void freshLocalServer() {
    calls.needsFirstAdmin = true;
    model.startLocal();
    work.runAll();
  }

  /** An address where the connection is refused at once. */
  private static URI closedPort() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    return URI.create("http://127.0.0.1:" + port);
  }

  private static Connected connectedAs(URI server, String username) {
    User user =
        new User(
            UUID.randomUUID(),
            username,
            Role.ADMIN,
            false,
            Instant.EPOCH,
            new UserQuota(5, null, null, QuotaOverrides.NONE));
    return new Connected(WorkspaceClient.forServer(server), user);
  }

  /** Answers as the disk, a server and the launcher would, and notes what was asked. */
  private static final class FakeCalls implements StartScreenCalls {
    private final FakeServer server = new FakeServer();
    private final List<URI> rememberedNow = new ArrayList<>();
    private final List<String> signIns = new ArrayList<>();
    private Optional<URI> remembered = Optional.empty();
    private RuntimeException signInRefusal;
    private Consumer<URI> signInFor = server -> {};
    private boolean needsFirstAdmin;
    private Exception startFailure;
    private List<String> buildLines = List.of();
    private LaunchException buildFailure;

    @Override
    public Optional<URI> rememberedUrl() {
      return remembered;
    }

    @Override
    public void remember(URI server) {
      rememberedNow.add(server);
    }

    @Override
    public Connected signIn(URI server, String username, String password) {
      signIns.add(server + " " + username);
      signInFor.accept(server);
      if (signInRefusal != null) {
        throw signInRefusal;
      }
      return connectedAs(server, username);
    }

    @Override
    public Started startLocal() throws LaunchException {
      if (startFailure instanceof LaunchException launch) {
        throw launch;
      }
      if (startFailure instanceof RuntimeException unexpected) {
        throw unexpected;
      }
      return new Started(server, needsFirstAdmin);
    }

    @Override
    public String buildSessionImage(Consumer<String> progress) throws LaunchException {
      buildLines.forEach(progress);
      if (buildFailure != null) {
        throw buildFailure;
      }
      return "ws:1";
    }
  }

  /** A fresh local server: notes the admins it was asked to create and whether it was kept. */
  private static final class FakeServer implements LocalServer {
    private final List<String> admins = new ArrayList<>();
    private boolean kept;
    private RuntimeException refusal;

    @Override
    public URI address() {
      return LOCAL;
    }

    @Override
    public Connected createFirstAdmin(String username, String password) {
      if (refusal != null) {
        throw refusal;
      }
      admins.add(username);
      return connectedAs(LOCAL, username);
    }

    @Override
    public void keepRunning() {
      kept = true;
    }
  }
}
