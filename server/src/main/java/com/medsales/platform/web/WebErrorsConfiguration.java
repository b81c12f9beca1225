package com.medsales.platform.web;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Errors outside Spring MVC's reach answer as ProblemDetail too: those of filters and those of Tomcat itself. */
@Configuration(proxyBeanMethods = false)
class WebErrorsConfiguration {

  /** Before every other filter, the session store's (which loads the session) and Spring Security's included. */
  @Bean
  FilterRegistrationBean<ProblemDetailsFilter> problemDetailsFilter() {
    var registration = new FilterRegistrationBean<>(new ProblemDetailsFilter());
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }
}
