package org.racetoplace.platform.engine;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.racetoplace.platform.identity.HiringGroups;
import org.springframework.stereotype.Component;

/**
 * Engine settings that {@code application.yaml} cannot express (list-valued ones). The rest of
 * the engine configuration lives in {@code camunda.bpm.*} properties.
 */
@Component
public class EngineSettingsPlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    // Members of "admins" pass every authorization check, as camunda-admin members do.
    List<String> adminGroups =
        configuration.getAdminGroups() == null
            ? new ArrayList<>()
            : new ArrayList<>(configuration.getAdminGroups());
    if (!adminGroups.contains(HiringGroups.ADMINS)) {
      adminGroups.add(HiringGroups.ADMINS);
    }
    configuration.setAdminGroups(adminGroups);
  }
}
