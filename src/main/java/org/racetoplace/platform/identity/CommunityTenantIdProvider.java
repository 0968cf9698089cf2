package org.racetoplace.platform.identity;

import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProvider;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderCaseInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderHistoricDecisionInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderProcessInstanceContext;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.racetoplace.pipeline.HiringPipeline;

/**
 * Makes each case of {@code hiring-pipeline} belong to its community: the engine tags the process
 * instance, and with it every task, variable and job of the case, with the community id as tenant
 * id. The engine's tenant check then keeps a community's members away from the other communities'
 * cases, whatever their grants say; see {@link CommunityTaskAuthorizations} for why that matters.
 *
 * <p>Models are deployed without a tenant and shared by all communities; instances of other models
 * (the paper-application intake, decisions) stay without a tenant.
 */
public class CommunityTenantIdProvider implements TenantIdProvider {

  @Override
  public String provideTenantIdForProcessInstance(TenantIdProviderProcessInstanceContext context) {
    if (!HiringPipeline.PROCESS_ID.equals(context.getProcessDefinition().getKey())) {
      return null;
    }
    Object community = context.getVariables().get(HiringPipeline.VAR_COMMUNITY);
    if (community instanceof String id && !id.isBlank()) {
      return CommunityTenants.tenantId(id);
    }
    // a case started without a community cannot be routed to anyone's vetters anyway
    return null;
  }

  @Override
  public String provideTenantIdForCaseInstance(TenantIdProviderCaseInstanceContext context) {
    return null;
  }

  @Override
  public String provideTenantIdForHistoricDecisionInstance(
      TenantIdProviderHistoricDecisionInstanceContext context) {
    // decisions evaluated inside a case inherit its tenant from the calling execution
    DelegateExecution execution = context.getExecution();
    return execution == null ? null : execution.getTenantId();
  }
}
