package com.medsales.platform.web;

import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Errors outside Spring MVC's reach answer as ProblemDetail too: those of filters and those of
 * Tomcat itself.
 */
@Configuration(proxyBeanMethods = false)
class WebErrorsConfiguration {

  /**
   * Before every other filter, the session store's (which loads the session) and Spring Security's
   * included.
   */
  @Bean
  FilterRegistrationBean<ProblemDetailsFilter> problemDetailsFilter() {
    var registration = new FilterRegistrationBean<>(new ProblemDetailsFilter());
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }

  /**
   * Next: a NUL byte in the path, query or form parameters is refused before a session or token is
   * looked up.
   */
  @Bean
  FilterRegistrationBean<NulRejectingFilter> nulRejectingFilter() {
    var registration = new FilterRegistrationBean<>(new NulRejectingFilter());
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
    return registration;
  }

  /**
   * A request Spring Security's firewall refuses (a {@code //} or {@code ;} in the path, an encoded
   * dot segment, an unknown method) is a 400 ProblemDetail, not Boot's error body; nothing of the
   * request is quoted back.
   */
  @Bean
  RequestRejectedHandler problemDetailsForRejectedRequests() {
    return (request, response, rejected) -> {
      ProblemDetail problem =
          ProblemDetail.forStatusAndDetail(
              HttpStatus.BAD_REQUEST,
              "The request's path or method is not one this server accepts.");
      problem.setTitle("Invalid request");
      ProblemDetailsFilter.write(response, problem);
    };
  }

  /**
   * Replaces the error report valve Spring Boot puts on Tomcat's host (its HTML page, without the
   * report) with one that writes ProblemDetail JSON; after Boot's own customizer, which adds that
   * valve.
   */
  @Bean
  WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemDetailsErrorReports() {
    return new OrderedTomcatCustomizer();
  }

  static final class OrderedTomcatCustomizer
      implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {
    @Override
    public void customize(TomcatServletWebServerFactory factory) {
      factory.addContextCustomizers(
          context -> {
            if (context.getParent() instanceof StandardHost host) {
              for (Valve valve : host.getPipeline().getValves()) {
                if (valve instanceof ErrorReportValve) {
                  host.getPipeline().removeValve(valve);
                }
              }
              host.setErrorReportValveClass(ProblemDetailsErrorReportValve.class.getName());
              host.getPipeline().addValve(new ProblemDetailsErrorReportValve());
            }
          });
    }

    @Override
    public int getOrder() {
      return Ordered.LOWEST_PRECEDENCE;
    }
  }
}
