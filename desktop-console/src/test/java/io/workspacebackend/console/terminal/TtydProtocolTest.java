package io.workspacebackend.console.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TtydProtocolTest {
  @Test
  void theInitNamesTheSizeAndLeavesTheTokenToTheProxy() {
    assertThat(TtydProtocol.init(120, 40))
        .isEqualTo("{\"AuthToken\":\"\",\"columns\":120,\"rows\":40}");
  }

  @Test
  void inputIsTheCommandByteThenUtf8() {
    assertThat(text(TtydProtocol.input("ls ü\r"))).isEqualTo("0ls ü\r");
  }

  @Test
  void aResizeIsTheCommandByteThenJson() {
    assertThat(text(TtydProtocol.resize(80, 24))).isEqualTo("1{\"columns\":80,\"rows\":24}");
  }

  @Test
  void serverMessagesSplitIntoCommandAndPayload() {
    byte[] output = "0hello".getBytes(StandardCharsets.UTF_8);

    assertThat(TtydProtocol.command(output)).isEqualTo(TtydProtocol.OUTPUT);
    assertThat(new String(TtydProtocol.payload(output), StandardCharsets.UTF_8)).isEqualTo("hello");
    assertThat(TtydProtocol.command(new byte[0])).isZero();
  }

  private static String text(ByteBuffer message) {
    return StandardCharsets.UTF_8.decode(message).toString();
  }
}
