package io.workspacebackend.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.workspacebackend.model.user.UserChange;
import org.junit.jupiter.api.Test;

class ClientJsonTest {
  @Test
  void aValidationProblemBecomesAnExceptionNamingEachField() {
    ApiException problem =
        ClientJson.problem(
            400,
            """
            {"type":"about:blank","title":"Bad Request","status":400,
             "detail":"the request is invalid",
             "errors":[{"field":"username","message":"must be 3 to 32 characters"},
                       {"field":"password","message":"must be 8 to 256 characters"}]}
            """);

    assertThat(problem.status()).isEqualTo(400);
    assertThat(problem.detail()).isEqualTo("the request is invalid");
    assertThat(problem.userMessage())
        .isEqualTo("username: must be 3 to 32 characters; password: must be 8 to 256 characters");
  }

  @Test
  void anAnswerThatIsNotAProblemStillGivesTheStatus() {
    ApiException problem = ClientJson.problem(502, "<html>bad gateway</html>");

    assertThat(problem.status()).isEqualTo(502);
    assertThat(problem.userMessage()).isEqualTo("Bad Gateway");
  }

  @Test
  void absentFieldsAreLeftOutOfRequests() {
    assertThat(ClientJson.write(new UserChange(null, true))).isEqualTo("{\"disabled\":true}");
  }
}
