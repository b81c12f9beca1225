package com.medsales.shared;

/**
 * The National Provider Identifier: 10 digits, the last a Luhn check digit computed over the
 * card-issuer prefix {@code 80840} followed by the first nine digits (CMS, "NPI check digit").
 */
public final class Npi {

  private Npi() {}

  /** Why {@code value} is not an NPI, or null when it is one. */
  public static String problem(String value) {
    if (value.length() != 10) {
      return "NPI must have 10 digits";
    }
    for (int i = 0; i < 10; i++) {
      if (value.charAt(i) < '0' || value.charAt(i) > '9') {
        return "NPI must have 10 digits";
      }
    }
    return checkDigit(value.substring(0, 9)) == value.charAt(9) - '0'
        ? null
        : "NPI check digit is wrong";
  }

  public static boolean isValid(String value) {
    return problem(value) == null;
  }

  /** The check digit for the first nine digits of an NPI. */
  public static int checkDigit(String firstNine) {
    // Luhn over "80840" + firstNine, doubling every second digit from the right of the full number
    // (check digit
    // excluded), i.e. the last of the nine first.
    String digits = "80840" + firstNine;
    int sum = 0;
    boolean doubleIt = true;
    for (int i = digits.length() - 1; i >= 0; i--) {
      int d = digits.charAt(i) - '0';
      if (doubleIt) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
      doubleIt = !doubleIt;
    }
    return (10 - sum % 10) % 10;
  }
}
