package com.medsales.platform.web;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tomcat's own error answers, given before any filter or servlet runs (a request line or headers
 * over the 8 KB limit, a malformed URI), as ProblemDetail JSON instead of Tomcat's HTML page.
 * Installed in place of Tomcat's {@link ErrorReportValve} by {@link WebErrorsConfiguration}; public
 * because Tomcat may instantiate it by name.
 */
public class ProblemDetailsErrorReportValve extends ErrorReportValve {

  private static final JsonMapper JSON =
      JsonMapper.builder().addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class).build();

  @Override
  protected void report(Request request, Response response, Throwable throwable) {
    int status = response.getStatus();
    // as Tomcat's own valve: only a status without a body of its own, reported once, while the
    // connection can write
    if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
      return;
    }
    AtomicBoolean ioAllowed = new AtomicBoolean(true);
    response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
    if (!ioAllowed.get()) {
      return;
    }
    HttpStatus known = HttpStatus.resolve(status);
    ProblemDetail problem = ProblemDetail.forStatus(status);
    problem.setTitle(known != null ? known.getReasonPhrase() : "Error");
    problem.setDetail(detail(status));
    try {
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      response.setCharacterEncoding("UTF-8");
      Writer writer = response.getReporter();
      if (writer != null) {
        writer.write(JSON.writeValueAsString(problem));
        response.finishResponse();
      }
    } catch (IOException | IllegalStateException e) {
      // the client is gone or the response was committed meanwhile: nothing more to say
    }
  }

  private static String detail(int status) {
    return switch (status) {
      // Tomcat does not say which: an unparsable request line, URI or header, or one over the 8 KB
      // limit
      case 400 ->
          "The request is malformed or too large: its request line and headers must parse and fit in 8 KB"
              + " (shorten the URL or the headers).";
      case 404 -> "No such resource.";
      default -> "The server refused or could not process the request.";
    };
  }
}
