package com.medsales.platform.web;

import java.math.BigDecimal;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.JacksonModule;

/**
 * The input rules of {@link InputRules}, applied globally: to JSON bodies through a Jackson module (Spring Boot
 * registers every {@link JacksonModule} bean with the application's JSON mapper), and to query and path parameters
 * through converters that take the place of Spring's own for {@code Double}, {@code Float} and {@code BigDecimal}.
 */
@Configuration(proxyBeanMethods = false)
class InputRulesConfiguration implements WebMvcConfigurer {

  @Bean
  JacksonModule inputRulesModule() {
    return InputRules.jacksonModule();
  }

  @Override
  public void addFormatters(FormatterRegistry registry) {
    registry.addConverter(String.class, Double.class, new InputRules.DoubleParameters());
    registry.addConverter(String.class, Float.class, new InputRules.FloatParameters());
    registry.addConverter(String.class, BigDecimal.class, new InputRules.DecimalParameters());
  }
}
