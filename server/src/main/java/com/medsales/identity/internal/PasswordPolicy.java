package com.medsales.identity.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The password policy, after NIST SP 800-63B: long enough, not too long to hash, not the user name, not a password
 * everyone tries first. No composition rules: they make passwords harder to remember, not to guess.
 */
final class PasswordPolicy {

  static final int MIN_LENGTH = 12;
  static final int MAX_LENGTH = 128;

  private static final Set<String> COMMON =
      Set.of(
          "password1234", "123456789012", "qwertyuiopas", "passwordpassword", "iloveyou1234", "medsales1234",
          "administrator", "letmein12345", "welcome12345", "changeme1234", "aaaaaaaaaaaa", "111111111111",
          "qwerty123456", "password123!", "p@ssw0rd1234", "abc123456789");

  private PasswordPolicy() {}

  /** What is wrong with the password, empty when it is acceptable. */
  static List<String> problems(String password, String username) {
    List<String> problems = new ArrayList<>();
    int length = password.codePointCount(0, password.length());
    if (length < MIN_LENGTH) {
      problems.add("must have at least " + MIN_LENGTH + " characters");
    }
    if (length > MAX_LENGTH) {
      problems.add("must have at most " + MAX_LENGTH + " characters");
    }
    String lower = password.toLowerCase(Locale.ROOT);
    if (!username.isBlank() && lower.contains(username.toLowerCase(Locale.ROOT))) {
      problems.add("must not contain the user name");
    }
    if (COMMON.contains(lower) || lower.chars().distinct().count() < 4) {
      problems.add("is too easy to guess");
    }
    return problems;
  }
}
