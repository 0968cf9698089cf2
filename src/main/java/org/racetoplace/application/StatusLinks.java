package org.racetoplace.application;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The link a candidate follows to see their status. It carries the secret token, so it is only
 * ever put in the confirmation message, which goes to the candidate alone; the base address comes
 * from {@code hiring.public-base-url} because mail is written outside any web request.
 */
@Component
public class StatusLinks {

  private final String baseUrl;

  public StatusLinks(@Value("${hiring.public-base-url}") String baseUrl) {
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
  }

  /**
   * The candidate's own status page, e.g. {@code https://…/applications/BHM-001042?token=…}; the
   * JSON answer for the same case is at {@code /api/applications/{reference}} with the same token.
   */
  public String withToken(String reference, String token) {
    return baseUrl + "/applications/" + reference + "?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
  }
}
