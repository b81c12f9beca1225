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
import tools.jackson.databind.json.JsonMapper;

/**
 * Tomcat's own error answers, given before any filter or servlet runs (a request line or headers over the 8 KB limit,
 * a malformed URI), as ProblemDetail JSON instead of Tomcat's HTML page. Installed in place of Tomcat's
 * {@link ErrorReportValve} by {@link WebErrorsConfiguration}; public because Tomcat may instantiate it by name.
 */
public class ProblemDetailsErrorReportValve extends ErrorReportValve {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Override
  protected void report(Request request, Response response, Throwable throwable) {
    int status = response.getStatus();
    // as Tomcat's own valve: only a status without a body of its own, reported once, while the connection can write
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
    problem.setDetail(detail(status, response.getMessage()));
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

  private static String detail(int status, String message) {
    if (status == 400 && message != null && message.toLowerCase(java.util.Locale.ROOT).contains("too large")) {
      return "The request line or its headers are too large (the limit is 8 KB): shorten the URL or the headers.";
    }
    return switch (status) {
      case 400 -> "The request is malformed: its request line, URI or headers could not be parsed.";
      case 404 -> "No such resource.";
      default -> "The server refused or could not process the request.";
    };
  }
}
