package io.workspacebackend.console.users;

import io.workspacebackend.client.WorkspaceClient;
import io.workspacebackend.model.user.QuotaOverrides;
import io.workspacebackend.model.user.User;
import io.workspacebackend.model.user.UserChange;
import java.util.List;
import java.util.UUID;

/** What the Users tab asks the server (blocking calls); the window's client answers them. */
interface UsersApi {
  List<User> users();

  User change(UUID id, UserChange change);

  User setQuota(UUID id, QuotaOverrides quota);

  static UsersApi of(WorkspaceClient client) {
    return new UsersApi() {
      @Override
      public List<User> users() {
        return client.users();
      }

      @Override
      public User change(UUID id, UserChange change) {
        return client.changeUser(id, change);
      }

      @Override
      public User setQuota(UUID id, QuotaOverrides quota) {
        return client.setQuota(id, quota);
      }
    };
  }
}
