package org.racetoplace.matching;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Loads the bundled skill taxonomy once; a broken file stops the start-up, naming the entry. */
@Configuration(proxyBeanMethods = false)
class SkillTaxonomyConfiguration {

  private static final Logger log = LoggerFactory.getLogger(SkillTaxonomyConfiguration.class);

  @Bean
  SkillTaxonomy skillTaxonomy() {
    SkillTaxonomy taxonomy = SkillTaxonomy.bundled();
    log.info("Skill taxonomy {} loaded: {} skills", taxonomy.version(), taxonomy.size());
    return taxonomy;
  }
}
