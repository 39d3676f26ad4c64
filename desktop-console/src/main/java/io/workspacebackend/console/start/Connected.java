package io.workspacebackend.console.start;

import io.workspacebackend.client.WorkspaceClient;
import io.workspacebackend.model.user.User;

/** A client signed in to a server, and who it is signed in as: what the main window opens with. */
record Connected(WorkspaceClient client, User user) {}
