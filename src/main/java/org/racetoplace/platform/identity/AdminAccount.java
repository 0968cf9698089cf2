package org.racetoplace.platform.identity;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The first administrator, created at start-up when missing ({@code HIRING_ADMIN_USER},
 * {@code HIRING_ADMIN_PASSWORD}). There is no default password: outside the demo profile the app
 * refuses to start without one. An existing user is left as it is, so a password changed in
 * Camunda Admin survives restarts.
 */
@Validated
@ConfigurationProperties("hiring.admin")
public record AdminAccount(
    @NotBlank(message = "the admin user id is required (HIRING_ADMIN_USER)") String user,
    @NotBlank(
            message =
                "no admin password: set the environment variable HIRING_ADMIN_PASSWORD"
                    + " (only the demo profile has a default)")
        String password) {}
