package com.medsales.crm;

import com.medsales.platform.AlreadyExists;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The provider is already a contact of the tenant: {@code npi} is refused, and {@code current} says
 * what the caller may know of that contact (its id when they can open it, whose it is when they
 * cannot).
 */
public class ContactAlreadyExists extends AlreadyExists {

  public ContactAlreadyExists(String message, @Nullable Object current) {
    super(
        message,
        Map.of("npi", List.of("is already a contact")),
        current == null ? Map.of() : Map.of("current", current));
  }
}
