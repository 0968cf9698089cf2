package org.racetoplace.platform.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.db.DbEntity;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.racetoplace.platform.engine.LazyMessageDbEntityManagerFactory.LazyMessageDbEntityManager;

/** The engine's id check on every insert, without rendering every entity it inserts. */
class LazyMessageDbEntityManagerFactoryTest {

  private final LazyMessageDbEntityManager entityManager = new LazyMessageDbEntityManager(null, null);

  @Test
  void aValidIdIsAcceptedWithoutRenderingTheEntity() {
    RenderCountingEntity entity = new RenderCountingEntity("4f1c2b9e-0000-4000-8000-000000000001");

    entityManager.validateId(entity);

    // Camunda's own check renders it on every call, valid or not
    assertThat(entity.renderings).isZero();
  }

  @Test
  void aMissingIdIsRefusedWithTheEnginesMessageNamingTheEntity() {
    assertThatThrownBy(() -> entityManager.validateId(new RenderCountingEntity(null)))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("Entity RenderCountingEntity has an invalid id");
  }

  @Test
  void theWildcardIsRefusedAsAnId() {
    assertThatThrownBy(() -> entityManager.validateId(new RenderCountingEntity("*")))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("Entity RenderCountingEntity has an invalid id")
        .hasMessageContaining("reserved identifier");
  }

  @Test
  void anEngineWithThePluginUsesItForEveryCommandAndStillWritesItsRows() {
    ProcessEngineConfigurationImpl configuration = new StandaloneInMemProcessEngineConfiguration();
    configuration.setJdbcUrl("jdbc:h2:mem:lazy-message-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    configuration.setProcessEngineName("lazy-message-" + UUID.randomUUID());
    configuration.setJobExecutorActivate(false);
    configuration.setProcessEnginePlugins(List.of(new EngineSettingsPlugin()));
    ProcessEngine engine = configuration.buildProcessEngine();
    try {
      assertThat(configuration.getSessionFactories().get(DbEntityManager.class))
          .isInstanceOf(LazyMessageDbEntityManagerFactory.class);
      engine
          .getRepositoryService()
          .createDeployment()
          .addModelInstance(
              "one-task.bpmn",
              Bpmn.createExecutableProcess("one-task")
                  .camundaHistoryTimeToLive(1)
                  .startEvent()
                  .userTask("Task_Review")
                  .endEvent()
                  .done())
          .deploy();

      ProcessInstance started = engine.getRuntimeService().startProcessInstanceByKey("one-task", "REF-1");

      assertThat(engine.getTaskService().createTaskQuery().processInstanceId(started.getId()).count())
          .isEqualTo(1);
      assertThat(
              engine.getHistoryService()
                  .createHistoricActivityInstanceQuery()
                  .processInstanceId(started.getId())
                  .count())
          .isEqualTo(2);
    } finally {
      engine.close();
    }
  }

  /** An entity that counts how often it is rendered as text. */
  static class RenderCountingEntity implements DbEntity {
    private String id;
    int renderings;

    RenderCountingEntity(String id) {
      this.id = id;
    }

    @Override
    public String getId() {
      return id;
    }

    @Override
    public void setId(String id) {
      this.id = id;
    }

    @Override
    public Object getPersistentState() {
      return id;
    }

    @Override
    public String toString() {
      renderings++;
      return "RenderCountingEntity";
    }
  }
}
