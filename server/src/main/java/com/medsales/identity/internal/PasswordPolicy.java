package com.medsales.identity.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import me.gosimple.nbvcxz.Nbvcxz;
import me.gosimple.nbvcxz.resources.Configuration;
import me.gosimple.nbvcxz.resources.ConfigurationBuilder;
import me.gosimple.nbvcxz.resources.Dictionary;
import me.gosimple.nbvcxz.resources.DictionaryBuilder;
import me.gosimple.nbvcxz.scoring.Result;

/**
 * The password policy, after NIST SP 800-63B: long enough, not too long to hash, not the user name,
 * and not easy to guess. "Easy to guess" is nbvcxz's estimate (a port of zxcvbn's approach): it
 * knows the most common passwords, English words and names, and simple patterns (repeats like
 * {@code abcdabcd}, sequences like {@code 12345}, keyboard walks like {@code qwertyuiop}, dates,
 * l33t spellings), and it counts the product's own name as worthless. A password whose estimate
 * stays under {@value #MIN_ENTROPY_BITS} bits (about a billion guesses) is refused. No composition
 * rules: they make passwords harder to remember, not to guess.
 */
final class PasswordPolicy {

  static final int MIN_LENGTH = 12;
  static final int MAX_LENGTH = 128;
  static final double MIN_ENTROPY_BITS = 30;

  private PasswordPolicy() {}

  /**
   * Loaded on first use (the dictionaries take half a second) and shared: a configuration is
   * immutable.
   */
  private static final class Estimator {
    static final Configuration CONFIGURATION = configuration();

    private static Configuration configuration() {
      List<Dictionary> dictionaries =
          new ArrayList<>(ConfigurationBuilder.getDefaultDictionaries());
      dictionaries.add(
          new DictionaryBuilder()
              .setDictionaryName("product")
              .setExclusion(true)
              .addWord("medsales", 0)
              .addWord("med sales", 0)
              .createDictionary());
      return new ConfigurationBuilder()
          .setDictionaries(dictionaries)
          .setLocale(Locale.ENGLISH)
          .setMinimumEntropy(MIN_ENTROPY_BITS)
          .createConfiguration();
    }
  }

  /** What is wrong with the password, empty when it is acceptable. */
  static List<String> problems(String password, String username) {
    List<String> problems = new ArrayList<>();
    int length = password.codePointCount(0, password.length());
    if (length < MIN_LENGTH) {
      problems.add("must have at least " + MIN_LENGTH + " characters");
    }
    if (length > MAX_LENGTH) {
      problems.add("must have at most " + MAX_LENGTH + " characters");
      return problems;
    }
    String lower = password.toLowerCase(Locale.ROOT);
    if (!username.isBlank() && lower.contains(username.toLowerCase(Locale.ROOT))) {
      problems.add("must not contain the user name");
    }
    if (length >= MIN_LENGTH) {
      Result estimate = new Nbvcxz(Estimator.CONFIGURATION).estimate(password);
      if (!estimate.isMinimumEntropyMet()) {
        String warning = estimate.getFeedback().getWarning();
        // nbvcxz's warning ends with its own full stop, and the message that lists the problems
        // adds one
        problems.add(
            "is too easy to guess"
                + (warning == null || warning.isBlank()
                    ? ""
                    : ": " + warning.strip().replaceAll("\\.+$", "")));
      }
    }
    return problems;
  }
}
