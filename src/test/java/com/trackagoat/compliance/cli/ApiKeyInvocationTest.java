package com.trackagoat.compliance.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

import org.junit.jupiter.api.Test;

/** The {@code api-key} command line: checked before anything starts, like every other command. */
class ApiKeyInvocationTest {

    private static final String ORG = "3f0c0a57-1b2c-4d5e-8f90-0000000000a0";

    @Test
    void createTakesAnOrganizationAndAName() {
        Invocation create = Invocation.parse("api-key", "create", "--org=" + ORG, "--name=payouts service");

        assertThat(create.command()).isEqualTo(Command.API_KEY);
        ApiKeyCommands.Create action = (ApiKeyCommands.Create) create.action();
        assertThat(action.org).isEqualTo(UUID.fromString(ORG));
        assertThat(action.name()).isEqualTo("payouts service");
    }

    @Test
    void revokeTakesAKeyId() {
        Invocation revoke = Invocation.parse("api-key", "revoke", "--id=" + ORG);

        assertThat(revoke.action()).isInstanceOf(ApiKeyCommands.Revoke.class);
        assertThat(((ApiKeyCommands.Revoke) revoke.action()).id).isEqualTo(UUID.fromString(ORG));
    }

    @Test
    void unknownActionIsRefused() {
        assertThatThrownBy(() -> Invocation.parse("api-key", "list"))
                .hasMessage("unknown api-key action 'list' (actions: create, revoke)");
    }

    @Test
    void noActionIsRefused() {
        assertThatThrownBy(() -> Invocation.parse("api-key"))
                .hasMessage("api-key needs create or revoke: api-key create --org=UUID --name=TEXT"
                        + " | api-key revoke --id=UUID");
    }

    @Test
    void anActionsOptionWithoutTheActionAsksForTheAction() {
        assertThatThrownBy(() -> Invocation.parse("api-key", "--org=" + ORG))
                .hasMessage("api-key needs create or revoke before --org (--org is an option of api-key create)");
    }

    @Test
    void createWithoutOrganizationOrWithABadOneIsRefused() {
        assertThatThrownBy(() -> Invocation.parse("api-key", "create", "--name=x"))
                .hasMessage("api-key create needs --org=UUID");
        assertThatThrownBy(() -> Invocation.parse("api-key", "create", "--org=acme", "--name=x"))
                .hasMessage("--org='acme' is not a UUID");
    }

    @Test
    void blankNameIsRefused() {
        assertThatThrownBy(() -> Invocation.parse("api-key", "create", "--org=" + ORG, "--name=  "))
                .hasMessage("api-key create needs --name=TEXT (what the key is for)");
    }

    @Test
    void revokeWithoutIdIsRefused() {
        assertThatThrownBy(() -> Invocation.parse("api-key", "revoke"))
                .hasMessage("api-key revoke needs --id=UUID");
    }

    @Test
    void aSecondActionIsRefused() {
        assertThatThrownBy(() -> Invocation.parse("api-key", "create", "revoke", "--org=" + ORG, "--name=x"))
                .hasMessage("unexpected argument 'revoke'");
    }

    @Test
    void otherCommandsStillRefuseExtraArguments() {
        assertThatThrownBy(() -> Invocation.parse("report", "create")).hasMessage("unexpected argument 'create'");
    }
}
