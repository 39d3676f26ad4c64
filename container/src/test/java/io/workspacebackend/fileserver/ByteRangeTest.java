package io.workspacebackend.fileserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ByteRangeTest {

  @Test
  void aClosedRangeIsTakenAsGivenAndClampedToTheEnd() throws Exception {
    assertThat(ByteRange.parse("bytes=0-0", 10)).contains(new ByteRange(0, 0));
    assertThat(ByteRange.parse("bytes=3-1000", 10)).contains(new ByteRange(3, 9));
  }

  @Test
  void anOpenRangeRunsToTheEndAndASuffixCountsFromIt() throws Exception {
    assertThat(ByteRange.parse("bytes=4-", 10)).contains(new ByteRange(4, 9));
    assertThat(ByteRange.parse("bytes=-4", 10)).contains(new ByteRange(6, 9));
    assertThat(ByteRange.parse("bytes=-40", 10)).contains(new ByteRange(0, 9));
  }

  @ParameterizedTest
  @ValueSource(strings = {"bytes=10-", "bytes=10-20", "bytes=-0"})
  void aRangeWithNoByteOfTheFileIsUnsatisfiable(String header) {
    assertThatThrownBy(() -> ByteRange.parse(header, 10))
        .isInstanceOf(ByteRange.Unsatisfiable.class);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "bytes=5-2",
        "bytes=-",
        "items=0-1",
        "bytes=0-1,3-4",
        "bytes=99999999999999999999-"
      })
  void aMalformedOrMultipleRangeIsIgnored(String header) throws Exception {
    assertThat(ByteRange.parse(header, 10)).isEmpty();
  }

  @Test
  void anEmptyFileSatisfiesNoRange() {
    assertThatThrownBy(() -> ByteRange.parse("bytes=0-", 0))
        .isInstanceOf(ByteRange.Unsatisfiable.class);
    assertThatThrownBy(() -> ByteRange.parse("bytes=-1", 0))
        .isInstanceOf(ByteRange.Unsatisfiable.class);
  }
}
