package com.medsales.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordPolicyUnitTests {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "abcdabcdabcd",
        "12345678901234",
        "qwertyuiop123",
        "passwordpassword1",
        "correct horse battery staple",
        "iloveyou12345",
        "aaaaaaaaaaaaaaa1",
        "summer2024summer",
        "medsales2024!!",
        "Password1234!"
      })
  void refusesCommonPasswordsWordsAndSimplePatternsHoweverLong(String password) {
    assertThat(PasswordPolicy.problems(password, "someone"))
        .singleElement()
        .asString()
        .startsWith("is too easy to guess");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "isolation test passphrase",
        "a much better passphrase",
        "read-only test passphrase",
        "Tr0ub4dor&3 plus more",
        "kqv7-Zm2p-Hx9w-43ta"
      })
  void acceptsPassphrasesAndRandomPasswords(String password) {
    assertThat(PasswordPolicy.problems(password, "someone")).isEmpty();
  }

  @org.junit.jupiter.api.Test
  void acceptsGeneratedPasswords() {
    for (int i = 0; i < 20; i++) {
      assertThat(PasswordPolicy.problems(Secrets.password(), "someone")).isEmpty();
    }
  }

  @org.junit.jupiter.api.Test
  void refusesShortLongAndUserNamePasswordsSayingWhy() {
    assertThat(PasswordPolicy.problems("kq7Zm2pHx", "someone"))
        .containsExactly("must have at least 12 characters");
    assertThat(PasswordPolicy.problems("kq7Zm2pHx9w4".repeat(11), "someone"))
        .containsExactly("must have at most 128 characters");
    assertThat(PasswordPolicy.problems("kq7-someone-Hx9w", "someone"))
        .containsExactly("must not contain the user name");
  }
}
