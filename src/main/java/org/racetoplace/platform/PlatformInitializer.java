package org.racetoplace.platform;

import org.racetoplace.platform.demo.DemoData;
import org.racetoplace.platform.deployment.ModelDeployment;
import org.racetoplace.platform.identity.IdentitySetup;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * The start-up sequence, in the one order that works: models first (demo cases need them), then
 * identity (demo users need the groups), then demo data. Runs after every singleton exists and
 * before the web server accepts requests; any failure stops start-up.
 */
@Component
public class PlatformInitializer implements SmartInitializingSingleton {

  private final ModelDeployment modelDeployment;
  private final IdentitySetup identitySetup;
  private final ObjectProvider<DemoData> demoData;

  public PlatformInitializer(
      ModelDeployment modelDeployment, IdentitySetup identitySetup, ObjectProvider<DemoData> demoData) {
    this.modelDeployment = modelDeployment;
    this.identitySetup = identitySetup;
    this.demoData = demoData;
  }

  @Override
  public void afterSingletonsInstantiated() {
    modelDeployment.deploy();
    identitySetup.apply();
    demoData.ifAvailable(DemoData::apply);
  }
}
