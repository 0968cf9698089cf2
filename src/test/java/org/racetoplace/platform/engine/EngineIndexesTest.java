package org.racetoplace.platform.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.List;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/** The index the engine's schema lacks, made by {@link EngineSettingsPlugin} once the engine is built. */
class EngineIndexesTest {

  @Test
  void theEngineBuiltWithThePluginHasTheAuthorizationUserIndex() {
    StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
    configuration.setJdbcUrl("jdbc:h2:mem:engine-indexes;DB_CLOSE_DELAY=-1");
    configuration.setProcessEngineName("engine-indexes");
    configuration.setJobExecutorActivate(false);
    configuration.setProcessEnginePlugins(List.of(new EngineSettingsPlugin()));
    ProcessEngine engine = configuration.buildProcessEngine();
    try {
      DataSource dataSource = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDataSource();
      assertThat(EngineIndexes.exists(dataSource, EngineIndexes.AUTHORIZATION_USER)).isTrue();

      // every later start finds it there and goes on
      assertThatCode(() -> EngineIndexes.ensure(dataSource)).doesNotThrowAnyException();
      assertThat(EngineIndexes.exists(dataSource, EngineIndexes.AUTHORIZATION_USER)).isTrue();
    } finally {
      engine.close();
    }
  }

  @Test
  void aDatabaseThatRefusesTheIndexDoesNotStopStartUp() {
    JdbcDataSource withoutEngineTables = new JdbcDataSource();
    withoutEngineTables.setURL("jdbc:h2:mem:no-engine-tables;DB_CLOSE_DELAY=-1");

    assertThatCode(() -> EngineIndexes.ensure(withoutEngineTables)).doesNotThrowAnyException();
    assertThat(EngineIndexes.exists(withoutEngineTables, EngineIndexes.AUTHORIZATION_USER)).isFalse();
  }
}
