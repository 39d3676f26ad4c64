package io.workspacebackend.console.invites;

import io.workspacebackend.client.WorkspaceClient;
import io.workspacebackend.model.invite.Invite;
import io.workspacebackend.model.invite.InviteRequest;
import java.util.List;

/** What the Invites tab asks the server (blocking calls); the window's client answers them. */
interface InvitesApi {
  List<Invite> invites();

  List<Invite> generate(InviteRequest request);

  void revoke(String code);

  static InvitesApi of(WorkspaceClient client) {
    return new InvitesApi() {
      @Override
      public List<Invite> invites() {
        return client.invites();
      }

      @Override
      public List<Invite> generate(InviteRequest request) {
        return client.generateInvites(request);
      }

      @Override
      public void revoke(String code) {
        client.revokeInvite(code);
      }
    };
  }
}
