package com.medsales.provider.web;

import com.medsales.provider.search.EntityType;
import com.medsales.provider.search.SearchSort;
import com.medsales.provider.search.Status;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.FormatterRegistry;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * How the search endpoints bind their query parameters: the typed filters from their accepted
 * spellings (any case; entityType also NPPES's 1 and 2), and the fields the binding refused handed
 * to the search, so that one 400 names them together with the fields the search's own checks
 * refuse.
 */
@Configuration(proxyBeanMethods = false)
class SearchParameters implements WebMvcConfigurer {

  @Override
  public void addFormatters(FormatterRegistry registry) {
    registry.addConverter(String.class, Status.class, Status::parse);
    registry.addConverter(String.class, EntityType.class, EntityType::parse);
    registry.addConverter(String.class, SearchSort.class, SearchSort::parse);
  }

  /**
   * Each field the binding refused, with the converter's "must ..." reason, else "is not a valid
   * value".
   */
  static Map<String, String> rejected(BindingResult binding) {
    Map<String, String> rejected = new LinkedHashMap<>();
    for (FieldError error : binding.getFieldErrors()) {
      rejected.putIfAbsent(error.getField(), reason(error));
    }
    return rejected;
  }

  private static String reason(FieldError error) {
    if (error.contains(TypeMismatchException.class)
        && error.unwrap(TypeMismatchException.class).getMostSpecificCause()
            instanceof IllegalArgumentException refused
        && refused.getMessage() != null
        && refused.getMessage().startsWith("must")) {
      return refused.getMessage();
    }
    return "typeMismatch".equals(error.getCode())
        ? "is not a valid value"
        : String.valueOf(error.getDefaultMessage());
  }
}
