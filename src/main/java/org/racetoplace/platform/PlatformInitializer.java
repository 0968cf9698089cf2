package org.racetoplace.platform;

import org.racetoplace.platform.demo.DemoData;
import org.racetoplace.platform.deployment.ModelDeployment;
import org.racetoplace.platform.identity.CommunityTenantBackfill;
import org.racetoplace.platform.identity.IdentitySetup;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * The start-up sequence, in the one order that works: models first (demo cases need them), then
 * identity (demo users need the groups, the tenant backfill the tenants), then demo data. Runs
 * after every singleton exists and before the web server accepts requests; any failure stops
 * start-up.
 */
@Component
public class PlatformInitializer implements SmartInitializingSingleton {

  private final ModelDeployment modelDeployment;
  private final IdentitySetup identitySetup;
  private final CommunityTenantBackfill tenantBackfill;
  private final ObjectProvider<DemoData> demoData;

  public PlatformInitializer(
      ModelDeployment modelDeployment,
      IdentitySetup identitySetup,
      CommunityTenantBackfill tenantBackfill,
      ObjectProvider<DemoData> demoData) {
    this.modelDeployment = modelDeployment;
    this.identitySetup = identitySetup;
    this.tenantBackfill = tenantBackfill;
    this.demoData = demoData;
  }

  @Override
  public void afterSingletonsInstantiated() {
    modelDeployment.deploy();
    identitySetup.apply();
    // the tenants exist now; cases from before communities were tenants join theirs
    tenantBackfill.apply();
    demoData.ifAvailable(DemoData::apply);
  }
}
