package org.racetoplace.platform.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.history.event.HistoricActivityInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricFormPropertyEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.CompositeDbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.junit.jupiter.api.Test;
import org.racetoplace.pipeline.HiringPipeline;

/** Which history events reach the database handler; no engine needed. */
class PersonalDataHistoryFilterTest {

  private final HistoryEventHandler database = mock(HistoryEventHandler.class);
  private final PersonalDataHistoryFilter filter = new PersonalDataHistoryFilter(database);

  private static HistoricVariableUpdateEventEntity variable(String processDefinitionKey, String name) {
    HistoricVariableUpdateEventEntity event = new HistoricVariableUpdateEventEntity();
    event.setProcessDefinitionKey(processDefinitionKey);
    event.setVariableName(name);
    event.setTextValue("some value");
    return event;
  }

  private static HistoricFormPropertyEventEntity formField(String processDefinitionKey, String name) {
    HistoricFormPropertyEventEntity event = new HistoricFormPropertyEventEntity();
    event.setProcessDefinitionKey(processDefinitionKey);
    event.setPropertyId(name);
    event.setPropertyValue("some value");
    return event;
  }

  @Test
  void dropsEveryVariableAndFormFieldOfThePaperApplicationProcess() {
    filter.handleEvent(variable("paper-application", "firstName"));
    filter.handleEvent(variable("paper-application", HiringPipeline.VAR_APPLICATION_REFERENCE));
    filter.handleEvent(formField("paper-application", "email"));

    verifyNoInteractions(database);
  }

  @Test
  void dropsTheListedFreeTextVariablesInAnyProcess() {
    for (String name :
        List.of(
            HiringPipeline.VAR_VETTING_RATIONALE,
            HiringPipeline.VAR_INFORMATION_REQUESTED,
            HiringPipeline.VAR_CANDIDATE_PROFILE,
            HiringPipeline.VAR_INTERVIEW_LOCATION,
            HiringPipeline.VAR_INTERVIEW_NOTES,
            HiringPipeline.VAR_DECLINE_REASON,
            HiringPipeline.VAR_MATCH_EXPLANATION)) {
      filter.handleEvent(variable(HiringPipeline.PROCESS_ID, name));
      filter.handleEvent(variable("some-other-process", name));
      filter.handleEvent(formField(HiringPipeline.PROCESS_ID, name));
    }

    verify(database, never()).handleEvent(any());
  }

  @Test
  void passesEverythingElseOnUnchanged() {
    HistoryEvent reference = variable(HiringPipeline.PROCESS_ID, HiringPipeline.VAR_APPLICATION_REFERENCE);
    HistoryEvent decision = formField(HiringPipeline.PROCESS_ID, HiringPipeline.VAR_VETTING_DECISION);
    HistoricActivityInstanceEventEntity activity = new HistoricActivityInstanceEventEntity();
    activity.setProcessDefinitionKey("paper-application");

    filter.handleEvent(reference);
    filter.handleEvent(decision);
    filter.handleEvent(activity);

    verify(database).handleEvent(reference);
    verify(database).handleEvent(decision);
    verify(database).handleEvent(activity);
  }

  @Test
  void filtersBatchesTheSameWay() {
    HistoryEvent kept = variable(HiringPipeline.PROCESS_ID, HiringPipeline.VAR_COMMUNITY);
    HistoricActivityInstanceEventEntity activity = new HistoricActivityInstanceEventEntity();
    List<HistoryEvent> batch = new ArrayList<>();
    batch.add(variable("paper-application", "lastName"));
    batch.add(kept);
    batch.add(variable(HiringPipeline.PROCESS_ID, HiringPipeline.VAR_INTERVIEW_NOTES));
    batch.add(activity);

    filter.handleEvents(batch);

    verify(database).handleEvents(List.of(kept, activity));
    verify(database, never()).handleEvent(any());
  }

  @Test
  void aBatchWithNothingToKeepWritesNothing() {
    filter.handleEvents(List.of(variable("paper-application", "phone")));

    verifyNoInteractions(database);
  }

  @Test
  void theEnginePluginWrapsTheHandlerTheEngineBuiltOnce() {
    StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
    configuration.setHistoryEventHandler(new CompositeDbHistoryEventHandler());
    HistoryEventHandler built = configuration.getHistoryEventHandler();
    EngineSettingsPlugin plugin = new EngineSettingsPlugin();

    plugin.postInit(configuration);
    plugin.postInit(configuration);

    assertThat(configuration.getHistoryEventHandler()).isInstanceOf(PersonalDataHistoryFilter.class);
    assertThat(((PersonalDataHistoryFilter) configuration.getHistoryEventHandler()).getDelegate()).isSameAs(built);
  }
}
