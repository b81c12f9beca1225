package com.medsales.platform;

/** The caller is signed in but may not do this to this record (403); the message says who may. */
public class NotPermitted extends RequestRefused {

  public NotPermitted(String message) {
    super(message);
  }
}
