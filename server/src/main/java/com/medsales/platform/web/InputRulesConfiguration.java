package com.medsales.platform.web;

import java.beans.PropertyEditorSupport;
import java.math.BigDecimal;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;
import tools.jackson.databind.JacksonModule;

/**
 * The input rules of {@link InputRules}, applied globally: to JSON bodies through a Jackson module
 * (Spring Boot registers every {@link JacksonModule} bean with the application's JSON mapper), and
 * to query and path parameters through property editors for {@code Double}, {@code Float} and
 * {@code BigDecimal} on every data binder. (Editors, not converters: a converter's refusal makes
 * Spring fall back to its default editor, which takes NaN.)
 */
@Configuration(proxyBeanMethods = false)
class InputRulesConfiguration {

  @Bean
  JacksonModule inputRulesModule() {
    return InputRules.jacksonModule();
  }

  @ControllerAdvice
  static class NumberParameters {
    @InitBinder
    void finiteNumbers(WebDataBinder binder) {
      binder.registerCustomEditor(Double.class, editor(new InputRules.DoubleParameters(), true));
      binder.registerCustomEditor(Double.TYPE, editor(new InputRules.DoubleParameters(), false));
      binder.registerCustomEditor(Float.class, editor(new InputRules.FloatParameters(), true));
      binder.registerCustomEditor(Float.TYPE, editor(new InputRules.FloatParameters(), false));
      binder.registerCustomEditor(
          BigDecimal.class, editor(new InputRules.DecimalParameters(), true));
    }

    private static PropertyEditorSupport editor(Converter<String, ?> converter, boolean nullable) {
      return new PropertyEditorSupport() {
        @Override
        public void setAsText(String text) {
          Object value = converter.convert(text);
          if (value == null && !nullable) {
            throw new IllegalArgumentException("must be a number");
          }
          setValue(value);
        }
      };
    }
  }
}
