package org.racetoplace.platform.engine;

import java.util.ArrayList;
import java.util.List;
import javax.xml.datatype.DatatypeFactory;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager;
import org.racetoplace.platform.identity.CommunityTaskAuthorizations;
import org.racetoplace.platform.identity.CommunityTenantIdProvider;
import org.racetoplace.platform.identity.HiringGroups;
import org.racetoplace.platform.identity.TenantRefusals;
import org.springframework.stereotype.Component;

/**
 * Engine settings that {@code application.yaml} cannot express (list-valued ones, the history
 * filter, the community tenants, the shape of per-task grants and an entity manager without a
 * waste of Camunda's, {@link LazyMessageDbEntityManagerFactory}) and the indexes the engine's
 * schema lacks ({@link EngineIndexes}). The rest of the engine configuration lives in {@code
 * camunda.bpm.*} properties.
 */
@Component
public class EngineSettingsPlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    // The engine makes a DatatypeFactory for every timer and every retry cycle it reads (each case
    // start, each mail job). Unless this property names the implementation, the JDK looks for one
    // by scanning every jar on the class path each time: 3 % of intake's CPU and 6 % of the job
    // executor's on the build machine (docs/performance.md). The JDK's own implementation, as the
    // scan finds it anyway; an explicit setting (-D...) is left as it is.
    System.getProperties()
        .putIfAbsent(DatatypeFactory.DATATYPEFACTORY_PROPERTY, DatatypeFactory.DATATYPEFACTORY_IMPLEMENTATION_CLASS);
    // Members of "admins" pass every authorization check, as camunda-admin members do.
    List<String> adminGroups =
        configuration.getAdminGroups() == null
            ? new ArrayList<>()
            : new ArrayList<>(configuration.getAdminGroups());
    if (!adminGroups.contains(HiringGroups.ADMINS)) {
      adminGroups.add(HiringGroups.ADMINS);
    }
    configuration.setAdminGroups(adminGroups);
    // communities are tenants; vetters read their community's tasks through the tenant check and
    // one grant per group, not one READ grant per task (docs/architecture.md)
    configuration.setTenantIdProvider(new CommunityTenantIdProvider());
    configuration.setResourceAuthorizationProvider(new CommunityTaskAuthorizations());
  }

  /**
   * Puts {@link PersonalDataHistoryFilter} in front of the history handler, and {@link
   * LazyMessageDbEntityManagerFactory} in place of the engine's entity managers. Done after init,
   * when the engine has built that handler (its database handler, plus any custom handlers
   * configured), so the filter wraps all of them, and its session factories. The engine looks both
   * up on every history event and every command, so replacing them here takes effect for all.
   */
  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCommandCheckers() != null) { // null only if the engine was never initialised
      configuration.getCommandCheckers().replaceAll(TenantRefusals::asAuthorizationRefusals);
    }
    if (!(configuration.getHistoryEventHandler() instanceof PersonalDataHistoryFilter)) {
      configuration.setHistoryEventHandler(
          new PersonalDataHistoryFilter(configuration.getHistoryEventHandler()));
    }
    if (configuration.getSessionFactories() != null) {
      configuration
          .getSessionFactories()
          .put(DbEntityManager.class, new LazyMessageDbEntityManagerFactory(configuration.getIdGenerator()));
    }
  }

  /** The engine has created or upgraded its tables by now; adds the indexes it lacks. */
  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    EngineIndexes.ensure(
        ((ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration()).getDataSource());
  }
}
