package org.racetoplace.platform.engine;

import static org.assertj.core.api.Assertions.assertThat;

import javax.xml.datatype.DatatypeFactory;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The JVM-wide setting the plugin makes before the engine reads its first timer or retry cycle. */
class EngineSettingsPluginTest {

  private String before;

  @BeforeEach
  void rememberTheProperty() {
    before = System.getProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY);
    System.clearProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY);
  }

  @AfterEach
  void restoreTheProperty() {
    if (before == null) {
      System.clearProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY);
    } else {
      System.setProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY, before);
    }
  }

  @Test
  void namesTheJdksDatatypeFactorySoTheEngineDoesNotScanTheClassPathForOne() throws Exception {
    new EngineSettingsPlugin().preInit(new StandaloneInMemProcessEngineConfiguration());

    assertThat(System.getProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY))
        .isEqualTo(DatatypeFactory.DATATYPEFACTORY_IMPLEMENTATION_CLASS);
    // what the engine's duration parsing asks for still works
    assertThat(DatatypeFactory.newInstance().newDuration("PT5M").getMinutes()).isEqualTo(5);
  }

  @Test
  void leavesAnExplicitSettingAsItIs() {
    System.setProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY, "org.example.SomeDatatypeFactory");

    new EngineSettingsPlugin().preInit(new StandaloneInMemProcessEngineConfiguration());

    assertThat(System.getProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY))
        .isEqualTo("org.example.SomeDatatypeFactory");
  }
}
