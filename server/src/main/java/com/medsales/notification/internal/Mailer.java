package com.medsales.notification.internal;

import com.medsales.notification.NotificationSettings;
import jakarta.mail.MessagingException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;

/** Sends one e-mail, plain text and HTML, through the configured SMTP server. */
class Mailer {

  private final JavaMailSenderImpl sender = new JavaMailSenderImpl();
  private final String from;

  Mailer(NotificationSettings.Smtp smtp) {
    sender.setHost(smtp.host());
    sender.setPort(smtp.port());
    if (smtp.user() != null && !smtp.user().isBlank()) {
      sender.setUsername(smtp.user());
      sender.setPassword(smtp.pass());
    }
    sender.setDefaultEncoding(StandardCharsets.UTF_8.name());
    Properties props = sender.getJavaMailProperties();
    props.put("mail.smtp.auth", Boolean.toString(smtp.user() != null && !smtp.user().isBlank()));
    props.put("mail.smtp.starttls.enable", Boolean.toString(smtp.starttls()));
    props.put("mail.smtp.connectiontimeout", "10000");
    props.put("mail.smtp.timeout", "20000");
    props.put("mail.smtp.writetimeout", "20000");
    this.from = smtp.from();
  }

  void send(String to, String subject, String text, String html) throws MessagingException {
    var message = sender.createMimeMessage();
    var helper = new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name());
    helper.setFrom(from);
    helper.setTo(to);
    helper.setSubject(subject);
    helper.setText(text, html);
    sender.send(message);
  }
}
