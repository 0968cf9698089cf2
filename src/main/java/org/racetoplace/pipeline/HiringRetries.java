package org.racetoplace.pipeline;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Retry cycles the model reads by expression ({@code ${hiringRetries.mail}}), so operations can
 * change them in configuration without touching the BPMN. Format: ISO 8601 repeat, e.g.
 * {@code R3/PT5M} (three retries, five minutes apart); after the last one the job becomes an
 * incident in Cockpit.
 */
@Component("hiringRetries")
public class HiringRetries {

  private final String mail;

  public HiringRetries(@Value("${hiring.retries.mail}") String mail) {
    this.mail = mail;
  }

  /** Steps that send mail to a candidate. */
  public String getMail() {
    return mail;
  }
}
