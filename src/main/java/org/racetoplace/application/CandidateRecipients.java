package org.racetoplace.application;

import java.util.Optional;
import org.racetoplace.notification.Recipient;
import org.racetoplace.notification.RecipientDirectory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who gets a case's messages: the candidate of the application, looked up when the message is
 * sent, so addresses never travel through process variables. No status link here: the token is
 * stored hashed and only the confirmation, written at intake, can carry it.
 */
@Component
public class CandidateRecipients implements RecipientDirectory {

  private final ApplicationRepository applications;

  public CandidateRecipients(ApplicationRepository applications) {
    this.applications = applications;
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<Recipient> findByApplicationReference(String reference) {
    return applications
        .findByReference(reference)
        .map(Application::getCandidate)
        .map(c -> new Recipient(c.getEmail(), c.getFirstName() + " " + c.getLastName(), null));
  }
}
