package com.medsales.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LikePatternsUnitTests {

  @Test
  void escapesTheWildcardsAndTheEscapeCharacterItself() {
    assertThat(LikePatterns.literal("\\")).isEqualTo("\\\\");
    assertThat(LikePatterns.literal("50%_off\\")).isEqualTo("50\\%\\_off\\\\");
    assertThat(LikePatterns.literal("Cardiology")).isEqualTo("Cardiology");
    assertThat(LikePatterns.literal(null)).isNull();
  }

  @Test
  void findsTheLineOfTheFirstNul() {
    assertThat(NulBytes.lineOfFirst("a,b\nc,d\n")).isZero();
    assertThat(NulBytes.lineOfFirst("a\0")).isEqualTo(1);
    assertThat(NulBytes.lineOfFirst("a,b\nc,d\ne\0f\n\0")).isEqualTo(3);
    assertThat(NulBytes.problem("one\0")).isEqualTo("must not contain a NUL byte");
    assertThat(NulBytes.problem("one\ntwo\0")).isEqualTo("has a NUL byte on line 2");
    assertThat(NulBytes.problem("clean")).isNull();
  }
}
