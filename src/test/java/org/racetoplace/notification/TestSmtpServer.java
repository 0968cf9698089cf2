package org.racetoplace.notification;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * GreenMail for the notification tests, on a port found free when the test class loads.
 *
 * <p>Not GreenMail's own dynamic port: that one changes on every start, and the tests stop the
 * server ("the mail server is down") and start it again ("repaired") under the same
 * {@code spring.mail.port} the application was started with.
 */
final class TestSmtpServer {

  static final String HOST = "127.0.0.1";

  private TestSmtpServer() {}

  /** Found once per test JVM (each test class has its own). */
  static final int PORT = freePort();

  static GreenMailExtension onFreePort() {
    return new GreenMailExtension(new ServerSetup(PORT, HOST, ServerSetup.PROTOCOL_SMTP));
  }

  /**
   * Points Spring Mail at the server, with short timeouts so "server down" fails fast. The
   * application context starts before GreenMail does (GreenMail starts before each test), so the
   * port is the one chosen here, not read from the server.
   */
  static void register(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.host", () -> HOST);
    registry.add("spring.mail.port", () -> PORT);
    registry.add("spring.mail.properties.mail.smtp.connectiontimeout", () -> "2000");
    registry.add("spring.mail.properties.mail.smtp.timeout", () -> "5000");
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
