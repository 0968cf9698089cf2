package org.racetoplace.reports;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Adds {@link CaseReportRecorder} to the engine's history handlers, after its database handler
 * (the engine builds that composite from {@code customHistoryEventHandlers}); the personal-data
 * filter wraps both, and lets activity events through unchanged.
 */
@Component
public class CaseReportPlugin extends AbstractProcessEnginePlugin {

  private final JdbcTemplate jdbc;

  public CaseReportPlugin(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<HistoryEventHandler> handlers =
        configuration.getCustomHistoryEventHandlers() == null
            ? new ArrayList<>()
            : new ArrayList<>(configuration.getCustomHistoryEventHandlers());
    if (handlers.stream().noneMatch(CaseReportRecorder.class::isInstance)) {
      handlers.add(new CaseReportRecorder(jdbc));
    }
    configuration.setCustomHistoryEventHandlers(handlers);
  }
}
