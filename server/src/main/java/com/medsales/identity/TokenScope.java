package com.medsales.identity;

/** What a bearer token may do: read only ({@code GET}, {@code HEAD}), or read and write. */
public enum TokenScope {
  READ,
  READ_WRITE
}
