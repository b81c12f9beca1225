package com.medsales.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.medsales.ingest.Dataset;
import com.medsales.ingest.Ingestion;
import com.medsales.ingest.IngestionRun;
import com.medsales.ingest.ProgressListener;
import com.medsales.notification.Notice;
import com.medsales.notification.NotificationType;
import com.medsales.notification.Notifications;
import com.medsales.platform.BulkConnections;
import com.medsales.platform.TenantScope;
import com.medsales.testing.TestBrowser;
import com.medsales.testing.TestTenants;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Notifications end to end: a real NPPES file published over an earlier one, the notification
 * worker of this process fanning the change set out to the watchers, e-mail to a real SMTP server
 * (GreenMail) and push to an FCM stand-in on loopback, the inbox, settings and devices over HTTP.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "medsales.notification.reminder-sweep=300ms",
      "medsales.notification.public-url=https://medsales.example",
      "medsales.notification.digest-sweep=1h",
      "medsales.jobs.backoff-base=200ms"
    })
class NotificationIntegrationTests {

  static final JsonMapper JSON = JsonMapper.builder().build();
  static final String PASSWORD = "notification test passphrase";
  static final String ORGANIZATIONS_2021 = "npidata_pfile_2021-12_organizations_998.csv";
  static final String PRACTICE_LINE1 = "Provider First Line Business Practice Location Address";
  static final String MAILING_LINE1 = "Provider First Line Business Mailing Address";

  static final GreenMail MAIL = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
  static final FcmStandIn FCM;

  static {
    MAIL.start();
    try {
      FCM = new FcmStandIn();
    } catch (Exception e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  @DynamicPropertySource
  static void channels(DynamicPropertyRegistry registry) {
    registry.add("medsales.notification.smtp.host", () -> "127.0.0.1");
    registry.add("medsales.notification.smtp.port", () -> MAIL.getSmtp().getPort());
    registry.add("medsales.notification.smtp.starttls", () -> "false");
    registry.add("medsales.notification.smtp.from", () -> "alerts@medsales.example");
    registry.add("medsales.notification.fcm.key", FCM::serviceAccountJson);
    registry.add("medsales.notification.fcm.endpoint", FCM::endpoint);
  }

  @AfterAll
  static void stopServers() {
    MAIL.stop();
  }

  @LocalServerPort int port;
  @Autowired BulkConnections bulk;
  @Autowired PasswordEncoder passwords;
  @Autowired Ingestion ingestion;
  @Autowired Notifications notifications;
  @Autowired PublishedChangeJobs publishJobs;
  @Autowired Deliveries deliveries;
  @Autowired Sweeps sweeps;
  @TempDir Path dir;
  TestTenants tenants;
  UUID tenant;
  UUID otherTenant;
  UUID rep;
  UUID colleague;
  UUID stranger;

  @BeforeEach
  void usersWithMailAndDevices() throws Exception {
    tenants = new TestTenants(bulk, passwords);
    var owner = tenants.owner();
    for (String table :
        List.of(
            "notification",
            "notification_device",
            "notification_preference",
            "notification_setting",
            "task",
            "crm_change",
            "contact")) {
      owner.sql("DELETE FROM " + table).update();
    }
    tenant = tenants.tenant("notify");
    otherTenant = tenants.tenant("notify-other");
    rep = tenants.user(tenant, "notify-rep", PASSWORD, "REP");
    colleague = tenants.user(tenant, "notify-colleague", PASSWORD, "REP");
    stranger = tenants.user(otherTenant, "notify-stranger", PASSWORD, "REP");
    tenants.user(tenant, "notify-admin", PASSWORD, "ADMIN");
    for (String name : List.of("notify-rep", "notify-colleague", "notify-stranger")) {
      owner
          .sql("UPDATE app_user SET email = ? WHERE username = ?")
          .params(name + "@medsales.example", name)
          .update();
    }
    owner.sql("DELETE FROM sign_in_failure").update();
    MAIL.purgeEmailFromAllMailboxes();
    FCM.messages.clear();
    FCM.failNext.set(0);
  }

  @Test
  void aPublishOverAnEarlierOneTellsEachWatcherOnceWhatChangedFromWhatToWhat() throws Exception {
    List<String> lines = lines(ORGANIZATIONS_2021);
    String header = lines.getFirst();
    List<String> columns = Arrays.asList(header.substring(1, header.length() - 1).split("\",\""));
    String moved = lines.get(1);
    String mailingOnly = lines.get(2);
    String untouched = lines.get(3);
    long movedNpi = npi(moved);
    long mailingNpi = npi(mailingOnly);
    long untouchedNpi = npi(untouched);
    String oldLine1 = field(moved, columns.indexOf(PRACTICE_LINE1));

    assertThat(publish("npidata_pfile_earlier.csv", lines).status())
        .isEqualTo(IngestionRun.Status.PUBLISHED);
    // the rep watches all three; a colleague in another tenant watches the moved one's neighbours
    for (long npi : List.of(movedNpi, mailingNpi, untouchedNpi)) {
      contact(tenant, rep, npi);
    }
    contact(otherTenant, stranger, untouchedNpi);
    contact(otherTenant, stranger, mailingNpi);
    device(tenant, rep, "token-rep-browser");

    List<String> later = new ArrayList<>(lines);
    later.set(1, replaceField(moved, columns.indexOf(PRACTICE_LINE1), "1 MEDICAL CENTER DR"));
    later.set(2, replaceField(mailingOnly, columns.indexOf(MAILING_LINE1), "PO BOX 77"));
    IngestionRun run = publish("npidata_pfile_later.csv", later);
    assertThat(run.status()).isEqualTo(IngestionRun.Status.PUBLISHED);

    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> count("SELECT count(*) FROM notification WHERE email_state = 'SENT'") == 1);
    var rows =
        tenants
            .owner()
            .sql("SELECT user_id, type, npi, title, body, link FROM notification")
            .query()
            .listOfRows();
    assertThat(rows).hasSize(1);
    var row = rows.getFirst();
    assertThat(row.get("user_id")).isEqualTo(rep);
    assertThat(row.get("type")).isEqualTo("PROVIDER_CHANGED");
    assertThat(row.get("npi")).isEqualTo(movedNpi);
    assertThat((String) row.get("body"))
        .startsWith("Practice location: " + oldLine1 + ", ")
        .contains(" → 1 MEDICAL CENTER DR, ");
    assertThat(row.get("link")).isEqualTo("/providers/" + movedNpi);

    // the rep's inbox says it; the stranger's is empty
    var inbox = json(as("notify-rep").get("/api/v1/notifications?unread=true"));
    assertThat(inbox.path("unreadCount").asLong()).isEqualTo(1);
    assertThat(inbox.path("items").get(0).path("body").asString()).contains("1 MEDICAL CENTER DR");
    assertThat(json(as("notify-stranger").get("/api/v1/notifications")).path("items").size())
        .isZero();

    // e-mail: plain text and HTML, with the link and the settings link
    MimeMessage[] received = MAIL.getReceivedMessages();
    assertThat(received).hasSize(1);
    assertThat(received[0].getAllRecipients()[0].toString())
        .isEqualTo("notify-rep@medsales.example");
    String mail = GreenMailUtil.getWholeMessage(received[0]);
    assertThat(mail)
        .contains("text/plain")
        .contains("text/html")
        .contains("https://medsales.example/providers/" + movedNpi)
        .contains("https://medsales.example/settings/notifications");
    // push: through the OAuth exchange, one message to the rep's device
    await().atMost(Duration.ofSeconds(30)).until(() -> FCM.messages.size() == 1);
    assertThat(FCM.problems).isEmpty();
    assertThat(FCM.messages.getFirst().path("token").asString()).isEqualTo("token-rep-browser");
    assertThat(FCM.messages.getFirst().path("webpush").path("fcm_options").path("link").asString())
        .isEqualTo("https://medsales.example/providers/" + movedNpi);

    // the publish's job handed over again (an event republished after a restart) adds nothing
    assertThat(publishJobs.raise(Dataset.NPPES, run.id())).isZero();
  }

  @Test
  void aDeliveryThatFailsMidwayIsRetriedAndNothingIsSentTwice() throws Exception {
    device(tenant, colleague, "token-colleague-phone");
    FCM.failNext.set(1);
    raise("assigned:test:retry", colleague);

    // the first attempt sends the e-mail and fails on push; the retry sends the push only
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> count("SELECT count(*) FROM notification WHERE push_state = 'SENT'") == 1);
    assertThat(MAIL.getReceivedMessages()).hasSize(1);
    assertThat(FCM.messages).hasSize(1);
    assertThat(count("SELECT attempts FROM notification")).isEqualTo(1);

    // a worker restarted while holding the job delivers it again: nothing goes out
    deliveries.deliver(new Notifications.Delivery(tenant, colleague, "assigned:test:retry"), false);
    assertThat(MAIL.getReceivedMessages()).hasSize(1);
    assertThat(FCM.messages).hasSize(1);
    // and raising the same event again is no new notification
    assertThat(raise("assigned:test:retry", colleague)).isZero();
  }

  @Test
  void aTokenFcmReportsUnregisteredIsRemoved() throws Exception {
    device(tenant, colleague, FcmStandIn.UNREGISTERED);
    device(tenant, colleague, "token-colleague-laptop");
    raise("assigned:test:unregistered", colleague);

    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> count("SELECT count(*) FROM notification_device") == 1);
    await().atMost(Duration.ofSeconds(10)).until(() -> FCM.messages.size() == 1);
    assertThat(FCM.messages.getFirst().path("token").asString())
        .isEqualTo("token-colleague-laptop");
  }

  @Test
  void aTaskReminderFiresOnceAtItsTime() throws Exception {
    tenants.insert(
        """
        INSERT INTO task (tenant_id, title, assignee_id, created_by, remind_at)
        VALUES (?, 'Call Dr. Jia back', ?, ?, now() - interval '5 seconds') RETURNING id
        """,
        tenant,
        rep,
        rep);

    await().atMost(Duration.ofSeconds(30)).until(() -> MAIL.getReceivedMessages().length == 1);
    assertThat(MAIL.getReceivedMessages()[0].getSubject()).isEqualTo("Reminder: Call Dr. Jia back");
    // later sweeps find it raised already
    assertThat(sweeps.remind(java.time.Instant.now())).isZero();
    assertThat(count("SELECT count(*) FROM notification WHERE type = 'TASK_DUE'")).isEqualTo(1);
  }

  @Test
  void assigningATaskToAColleagueTellsThemAndNotTheAssigner() {
    var created =
        as("notify-admin")
            .post(
                "/api/v1/tasks",
                "{\"title\": \"Bring samples\", \"assigneeId\": \"" + colleague + "\"}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    as("notify-rep").post("/api/v1/tasks", "{\"title\": \"My own\"}");

    var inbox = json(as("notify-colleague").get("/api/v1/notifications"));
    assertThat(inbox.path("items").size()).isEqualTo(1);
    assertThat(inbox.path("items").get(0).path("type").asString()).isEqualTo("ASSIGNED");
    assertThat(inbox.path("items").get(0).path("title").asString())
        .isEqualTo("Task assigned to you: Bring samples");
    assertThat(json(as("notify-rep").get("/api/v1/notifications")).path("unreadCount").asLong())
        .isZero();
    assertThat(json(as("notify-admin").get("/api/v1/notifications")).path("unreadCount").asLong())
        .isZero();
  }

  @Test
  void theInboxPagesByCursorAndMarksReadOneOrAll() {
    for (int i = 0; i < 3; i++) {
      raise("assigned:test:page-" + i, rep);
    }
    TestBrowser browser = as("notify-rep");
    var first = json(browser.get("/api/v1/notifications?size=2"));
    assertThat(first.path("items").size()).isEqualTo(2);
    assertThat(first.path("unreadCount").asLong()).isEqualTo(3);
    var second =
        json(
            browser.get(
                "/api/v1/notifications?size=2&cursor=" + first.path("nextCursor").asString()));
    assertThat(second.path("items").size()).isEqualTo(1);
    assertThat(second.path("nextCursor").isNull()).isTrue();

    String id = first.path("items").get(0).path("id").asString();
    var read = browser.post("/api/v1/notifications/" + id + "/read", "");
    assertThat(read.statusCode()).isEqualTo(200);
    assertThat(json(read).path("readAt").isNull()).isFalse();
    assertThat(json(browser.get("/api/v1/notifications?unread=true")).path("items").size())
        .isEqualTo(2);
    // someone else's notification answers as an unknown one
    assertThat(
            as("notify-colleague").post("/api/v1/notifications/" + id + "/read", "").statusCode())
        .isEqualTo(404);
    assertThat(browser.get("/api/v1/notifications?cursor=not-a-cursor").statusCode())
        .isEqualTo(400);

    assertThat(browser.post("/api/v1/notifications/read-all", "").statusCode()).isEqualTo(200);
    assertThat(json(browser.get("/api/v1/notifications")).path("unreadCount").asLong()).isZero();
  }

  @Test
  void settingsTurnChannelsOffAndGatherEmailIntoADailyDigest() throws Exception {
    TestBrowser browser = as("notify-colleague");
    var put =
        browser.put(
            "/api/v1/me/notification-settings",
            """
            {"types": {"ASSIGNED": {"inApp": false, "email": true, "push": false}},
             "emailMode": "DAILY_DIGEST", "quietHours": {"start": "22:00", "end": "07:00"},
             "timeZone": "America/New_York"}
            """);
    assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
    var settings = json(browser.get("/api/v1/me/notification-settings"));
    assertThat(settings.path("types").path("ASSIGNED").path("inApp").asBoolean()).isFalse();
    assertThat(settings.path("types").path("TASK_DUE").path("inApp").asBoolean()).isTrue();
    assertThat(settings.path("emailMode").asString()).isEqualTo("DAILY_DIGEST");
    assertThat(settings.path("quietHours").path("start").asString()).startsWith("22:00");

    raise("assigned:test:digest-1", colleague);
    raise("assigned:test:digest-2", colleague);
    assertThat(count("SELECT count(*) FROM notification WHERE email_state = 'DIGEST'"))
        .isEqualTo(2);
    assertThat(count("SELECT count(*) FROM notification WHERE push_state = 'SKIPPED'"))
        .isEqualTo(2);
    assertThat(json(browser.get("/api/v1/notifications")).path("items").size()).isZero();

    assertThat(sweeps.queueDigests()).isEqualTo(1);
    await().atMost(Duration.ofSeconds(30)).until(() -> MAIL.getReceivedMessages().length == 1);
    assertThat(MAIL.getReceivedMessages()[0].getSubject())
        .isEqualTo("Your MedSales digest: 2 updates");
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> count("SELECT count(*) FROM notification WHERE email_state = 'SENT'") == 2);
    assertThat(sweeps.queueDigests()).isZero(); // one a day

    var bad =
        browser.put(
            "/api/v1/me/notification-settings",
            "{\"types\": {}, \"emailMode\": \"HOURLY\", \"timeZone\": \"Mars/Olympus\"}");
    assertThat(bad.statusCode()).isEqualTo(400);
  }

  @Test
  void devicesAreRegisteredListedAndRemovedByTheirOwnerOnly() {
    TestBrowser browser = as("notify-rep");
    var created =
        browser.post("/api/v1/me/devices", "{\"token\": \"fcm-token-1\", \"platform\": \"WEB\"}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String id = json(created).path("id").asString();
    assertThat(json(browser.get("/api/v1/me/devices")).size()).isEqualTo(1);
    assertThat(
            browser
                .post("/api/v1/me/devices", "{\"token\": \"fcm-token-1\", \"platform\": \"FAX\"}")
                .statusCode())
        .isEqualTo(400);
    assertThat(as("notify-colleague").delete("/api/v1/me/devices/" + id).statusCode())
        .isEqualTo(404);
    assertThat(browser.delete("/api/v1/me/devices/" + id).statusCode()).isEqualTo(204);
    assertThat(json(browser.get("/api/v1/me/devices")).size()).isZero();
  }

  // --- helpers

  private int raise(String eventKey, UUID user) {
    return new TenantScope(tenant, rep, false, false)
        .call(
            () ->
                notifications.raise(
                    new Notice(
                        NotificationType.ASSIGNED,
                        eventKey,
                        "Task assigned to you: " + eventKey,
                        "Due tomorrow",
                        "/tasks",
                        null),
                    List.of(user)));
  }

  private IngestionRun publish(String name, List<String> lines) throws Exception {
    Path file = dir.resolve(name);
    Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    return ingestion.runNow("nppes", file.toString(), ProgressListener.NONE);
  }

  private void contact(UUID tenantId, UUID owner, long npi) {
    tenants.insert(
        "INSERT INTO contact (tenant_id, npi, owner_id, source) VALUES (?, ?, ?, 'PROVIDER') RETURNING id",
        tenantId,
        npi,
        owner);
  }

  private void device(UUID tenantId, UUID user, String token) {
    tenants.insert(
        "INSERT INTO notification_device (tenant_id, user_id, token, platform) VALUES (?, ?, ?, 'WEB') RETURNING id",
        tenantId,
        user,
        token);
  }

  private long count(String sql) {
    return tenants.owner().sql(sql).query(Long.class).single();
  }

  private TestBrowser as(String username) {
    var browser = new TestBrowser(port);
    assertThat(browser.signIn(username, PASSWORD).statusCode()).isEqualTo(200);
    return browser;
  }

  private static JsonNode json(HttpResponse<String> response) {
    return JSON.readTree(response.body());
  }

  private static List<String> lines(String name) throws Exception {
    try (InputStream in =
        NotificationIntegrationTests.class.getResourceAsStream("/demo/nppes/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    }
  }

  private static long npi(String line) {
    return Long.parseLong(line.substring(1, 11));
  }

  private static String field(String line, int index) {
    return line.substring(1, line.length() - 1).split("\",\"", -1)[index];
  }

  private static String replaceField(String line, int index, String value) {
    String[] fields = line.substring(1, line.length() - 1).split("\",\"", -1);
    fields[index] = value;
    return "\"" + String.join("\",\"", fields) + "\"";
  }
}
