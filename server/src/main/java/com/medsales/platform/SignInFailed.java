package com.medsales.platform;

/**
 * The credentials were not accepted (401): a wrong user name or password, or an account that is not
 * active. The message does not say which, so that it tells a guesser nothing.
 */
public class SignInFailed extends RequestRefused {

  public SignInFailed(String message) {
    super(message);
  }
}
