package org.racetoplace.assessment.builtin;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.io.support.ResourcePatternUtils;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The item bank, loaded and checked once at start-up (a malformed file stops the application),
 * and scheduling for {@link OverdueSittingSweep}.
 */
@Configuration
@EnableScheduling
class BuiltInAssessmentConfiguration {

  private static final Logger log = LoggerFactory.getLogger(BuiltInAssessmentConfiguration.class);

  @Bean
  ItemBank assessmentItemBank(BuiltInAssessmentProperties properties, ResourceLoader resourceLoader) {
    ItemBank bank =
        new ItemBankLoader(properties.fundamentalsItems(), properties.languageItems())
            .load(ResourcePatternUtils.getResourcePatternResolver(resourceLoader), properties.bankLocation());
    log.info(
        "Assessment item bank loaded from {}: {} items; {}",
        properties.bankLocation(),
        bank.size(),
        String.join(", ", bank.areas().stream().map(BankArea::versionTag).toList()));
    return bank;
  }
}
