package org.racetoplace.load;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.racetoplace.load.HiringClient.Answer;
import org.racetoplace.load.HiringClient.Credentials;

/**
 * Prepares an application for a run, through its APIs as an administrator would: the people who
 * work the tasks (one vetter and one employer reviewer per community, an interviewer, a staff
 * member), an employer partner per community, and enough open positions for the run's cases.
 * Safe to repeat: what exists is kept, passwords are set again.
 */
final class LoadSetup {

  private final HiringClient client;
  private final Credentials admin;
  private final String userPassword;

  LoadSetup(HiringClient client, Credentials admin, String userPassword) {
    this.client = client;
    this.admin = admin;
    this.userPassword = userPassword;
  }

  void prepare(int cases) {
    int openingsPerCommunity =
        cases == 0 ? 0 : (cases / LoadScenario.COMMUNITIES.size()) / LoadScenario.POSITIONS_PER_OPENING + 1;
    for (String community : LoadScenario.COMMUNITIES) {
      if (!client.get("setup", "/api/employers/" + LoadScenario.employerSlug(community), admin).is(200)) {
        expect(client.post("setup", "/api/employers", LoadScenario.employerPartner(community), admin), 201, "register employer");
      }
      for (int i = 0; i < openingsPerCommunity; i++) {
        expect(client.post("setup", "/api/openings", LoadScenario.opening(community), admin), 201, "post opening");
      }
      person(LoadScenario.vetter(community), "vetters-" + community);
      person(LoadScenario.employer(community), "employer-" + LoadScenario.employerSlug(community));
    }
    person(LoadScenario.INTERVIEWER, "interviewers");
    person(LoadScenario.STAFF, "staff");
  }

  Credentials credentials(String user) {
    return new Credentials(user, userPassword);
  }

  private void person(String user, String group) {
    JsonNodeFactory json = JsonNodeFactory.instance;
    if (client.get("setup", "/engine-rest/user/" + user + "/profile", admin).is(200)) {
      ObjectNode credentials =
          json.objectNode().put("password", userPassword).put("authenticatedUserPassword", admin.password());
      expect(client.put("setup", "/engine-rest/user/" + user + "/credentials", credentials, admin), 204, "set password of " + user);
    } else {
      ObjectNode body = json.objectNode();
      body.putObject("profile")
          .put("id", user)
          .put("firstName", "Load")
          .put("lastName", user)
          .put("email", user + "@example.org");
      body.putObject("credentials").put("password", userPassword);
      expect(client.post("setup", "/engine-rest/user/create", body, admin), 204, "create user " + user);
    }
    String members = HiringClient.query(Map.of("memberOfGroup", group, "id", user));
    if (client.get("setup", "/engine-rest/user/count" + members, admin).body().path("count").asLong() == 0) {
      expect(
          client.put("setup", "/engine-rest/group/" + group + "/members/" + user, json.objectNode(), admin),
          204,
          "add " + user + " to " + group);
    }
  }

  private static void expect(Answer answer, int status, String what) {
    if (!answer.is(status)) {
      throw new IllegalStateException("Setup failed to " + what + ": " + answer.status() + " " + answer.body());
    }
  }
}
