package org.opengms.callback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.net.URL;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opengms.testing.AdminView;
import org.opengms.testing.ApnsStandIn;
import org.opengms.testing.Conditions;
import org.opengms.testing.Deployments;
import org.opengms.testing.FcmStandIn;
import org.opengms.testing.Http;
import org.opengms.testing.Http2StandIn;
import org.opengms.testing.ItConfigFile;
import org.opengms.testing.Json;

/**
 * The customer's device hears of its callback through the native push networks: iOS through APNs,
 * Android through FCM (stand-ins on loopback that check tokens and payloads).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CallbackPushIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.war();
  }

  @ArquillianResource URL base;

  @Test
  void shouldNotifyAnIosDeviceThroughApnsWithIdAndAction() {
    Http http = new Http(base);
    CallbackClient api = new CallbackClient(http);
    try (ApnsStandIn apns = new ApnsStandIn();
        ItConfigFile config = new ItConfigFile()) {
      // the stand-in's ports in place of the IT configuration's APNs endpoints
      config.write(
          text ->
              text.replace("127.0.0.1:18443", "127.0.0.1:" + apns.server().port(0))
                  .replace("127.0.0.1:18444", "127.0.0.1:" + apns.server().port(1)));
      String apnsUrl = "https://127.0.0.1:" + apns.server().port(0);
      Conditions.await(
          "the stand-in's ports in force",
          Duration.ofSeconds(15),
          () -> apnsUrl.equals(AdminView.option(http, "push", "apple.url")));

      byte[] bytes = new byte[32];
      ThreadLocalRandom.current().nextBytes(bytes);
      String token = HexFormat.of().formatHex(bytes);
      String id =
          api.started(
              "cb-confirm",
              "{\"_customer_number\":\"5550"
                  + (System.nanoTime() % 1_000_000)
                  + "\",\"_device_os\":\"ios\",\"_device_notification_id\":\""
                  + token
                  + "\"}");

      Http2StandIn.Received r = apns.server().next(Duration.ofSeconds(15));
      assertNotNull(r, "APNs got the callback's notification");
      assertEquals("/3/device/" + token, r.path());
      Map<String, Object> payload = Json.object(r.body());
      Map<String, Object> message = Json.object((String) payload.get("message"));
      assertEquals(id, message.get("_id"));
      assertEquals("wait-for-agent", message.get("_action"));
    }
  }

  @Test
  void shouldNotifyAnAndroidDeviceThroughFcmWithIdAndAction() {
    Http http = new Http(base);
    CallbackClient api = new CallbackClient(http);
    try (FcmStandIn fcm = new FcmStandIn();
        ItConfigFile config = new ItConfigFile()) {
      config.write(text -> text.replace("127.0.0.1:18445", "127.0.0.1:" + fcm.server().port(0)));
      String fcmUrl = "https://127.0.0.1:" + fcm.server().port(0);
      Conditions.await(
          "the stand-in's port in force",
          Duration.ofSeconds(15),
          () -> fcmUrl.equals(AdminView.option(http, "push", "fcm.url")));

      String token = "cb" + UUID.randomUUID().toString().replace("-", "") + ":APA91b-it_token";
      String id =
          api.started(
              "cb-confirm",
              "{\"_customer_number\":\"5551"
                  + (System.nanoTime() % 1_000_000)
                  + "\",\"_device_os\":\"android\",\"_device_notification_id\":\""
                  + token
                  + "\"}");

      Http2StandIn.Received send = null;
      long end = System.nanoTime() + Duration.ofSeconds(15).toNanos();
      while (send == null && System.nanoTime() < end) {
        Http2StandIn.Received r = fcm.server().next(Duration.ofSeconds(1));
        if (r != null && r.path().equals(FcmStandIn.SEND_PATH)) {
          send = r;
        }
      }
      assertNotNull(send, "FCM got the callback's notification");
      assertEquals("HTTP/2.0", send.protocol());
      Map<String, Object> sent = Json.object(send.body());
      @SuppressWarnings("unchecked")
      Map<String, Object> fcmMessage = (Map<String, Object>) sent.get("message");
      assertEquals(token, fcmMessage.get("token"));
      @SuppressWarnings("unchecked")
      Map<String, Object> data = (Map<String, Object>) fcmMessage.get("data");
      // the app reads the data payload's "message" key, as the reference's Android client does
      Map<String, Object> message = Json.object((String) data.get("message"));
      assertEquals(id, message.get("_id"));
      assertEquals("wait-for-agent", message.get("_action"));
    }
  }
}
