package io.workspacebackend.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.BuildImageResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import io.workspacebackend.model.session.CreateSessionRequest;
import io.workspacebackend.model.session.Session;
import io.workspacebackend.model.session.SessionStatus;
import io.workspacebackend.model.user.Role;
import io.workspacebackend.testing.Accounts;
import io.workspacebackend.testing.RunningBackend;
import io.workspacebackend.testing.SessionClient;
import io.workspacebackend.testing.SessionImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * When the default image's name comes to name another image, the warm slots of the old one are
 * replaced by slots of the new one. The default image here is a tag of this test's own, first on
 * the session image, then on an image built from it.
 */
@Timeout(600)
class WarmPoolImageChangeTest {
  private static final String IMAGE =
      "warm-pool-test:" + UUID.randomUUID().toString().substring(0, 8);
  private static final DockerClient docker = SessionClient.docker();

  @RegisterExtension
  static RunningBackend backend =
      new RunningBackend()
          .with("sessions.warm_pool", "1")
          .with("sessions.startup_timeout", "180s")
          .with("container.default_image", IMAGE)
          .beforeStart(
              () -> {
                String[] name = IMAGE.split(":");
                docker.tagImageCmd(SessionImage.TAG, name[0], name[1]).exec();
              });

  @TempDir Path context;
  private final WarmSlotsSeen slots = new WarmSlotsSeen(backend, docker);

  @AfterAll
  static void removeLeftovers() throws Exception {
    backend.stop();
    new WarmSlotsSeen(backend, docker).removeLeftovers();
    try {
      docker.removeImageCmd(IMAGE).exec();
    } catch (NotFoundException gone) {
      // Never made.
    }
    docker.close();
  }

  @Test
  void slotsOfAnImageTheDefaultNameNoLongerNamesAreReplaced() throws Exception {
    WarmSlotsSeen.Slot old = slots.awaitReady(1).get(0);
    String sessionImage = docker.inspectImageCmd(SessionImage.TAG).exec().getId();
    assertThat(old.imageId()).isEqualTo(sessionImage);

    Files.writeString(
        context.resolve("Dockerfile"),
        "FROM " + SessionImage.TAG + "\nLABEL io.workspace-backend.test=\"" + IMAGE + "\"\n");
    String rebuilt =
        docker
            .buildImageCmd(context.toFile())
            .withTags(Set.of(IMAGE))
            .exec(new BuildImageResultCallback())
            .awaitImageId();
    String rebuiltId = docker.inspectImageCmd(IMAGE).exec().getId();
    assertThat(rebuiltId).isNotEqualTo(sessionImage).contains(rebuilt);

    Awaitility.await()
        .atMost(Duration.ofMinutes(3))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () -> {
              List<WarmSlotsSeen.Slot> now = slots.ready();
              return now.size() == 1
                  && !now.get(0).id().equals(old.id())
                  && slots.readyInPool() == 1;
            });
    WarmSlotsSeen.Slot replacement = slots.ready().get(0);
    assertThat(replacement.imageId()).isEqualTo(rebuiltId);
    assertThat(docker.inspectContainerCmd(replacement.containerId()).exec().getImageId())
        .isEqualTo(rebuiltId);
    assertThat(slots.containers())
        .extracting(WarmSlotsSeen::sessionOf)
        .containsExactly(replacement.id());
    assertThat(Path.of(old.directory())).doesNotExist();

    Accounts accounts = new Accounts(backend);
    SessionClient sessions = new SessionClient(accounts.as(accounts.register(Role.USER).token()));
    Session session = sessions.create(new CreateSessionRequest(null, null, null, null));
    assertThat(session.status()).isEqualTo(SessionStatus.RUNNING);
    assertThat(session.id().toString()).isEqualTo(replacement.id());
    assertThat(session.image()).isEqualTo(IMAGE);
    assertThat(docker.inspectContainerCmd(session.containerId()).exec().getImageId())
        .isEqualTo(rebuiltId);
    sessions.delete(session.id());
  }
}
