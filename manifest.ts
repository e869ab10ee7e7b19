import { Manifest } from "deno-slack-sdk/mod.ts";
import { BOT_SCOPES, OUTGOING_DOMAINS } from "./scopes.ts";
import { CheckTokenGuardWorkflow } from "./workflows/check_token_guard.ts";
import { GuardMessageWorkflow } from "./workflows/guard_message.ts";
import { FindingsDatastore } from "./datastores/findings.ts";
import { SettingsDatastore } from "./datastores/settings.ts";
import { ExternalConnectionsDatastore } from "./datastores/external_connections.ts";
import { externalAuthProviders } from "./external_auth/mod.ts";
import { ConnectGoogleWorkflow } from "./workflows/connect_google.ts";
import { ConnectGitHubWorkflow } from "./workflows/connect_github.ts";
import { ExportFindingsSheetWorkflow } from "./workflows/export_findings_sheet.ts";
import { OpenGitHubIssueWorkflow } from "./workflows/open_github_issue.ts";
import { SetupGuardWorkflow } from "./workflows/setup_guard.ts";
import { SweepChannelWorkflow } from "./workflows/sweep_channel.ts";
import { ReportWorkflow } from "./workflows/report.ts";
import { WeeklyDigestWorkflow } from "./workflows/weekly_digest.ts";
import { SweepsDatastore } from "./datastores/sweeps.ts";

export default Manifest({
  name: "Token Guard",
  description: "Catches credentials pasted into Slack, checks them live and revokes them.",
  longDescription:
    "People paste bot tokens, webhook URLs and API keys into Slack every day. Token Guard scans every new message in the channels you enrol, warns the poster privately and alerts your security channel within seconds. It checks a leaked Slack token live (auth.test with the leaked token) to tell you whether it still works and whose it is, and lets the people you choose revoke it with one click, with an audit trail. It never stores a secret: only a SHA-256 fingerprint, a redacted preview and where it was seen.",
  icon: "assets/icon.png",
  workflows: [
    CheckTokenGuardWorkflow,
    GuardMessageWorkflow,
    ConnectGoogleWorkflow,
    ConnectGitHubWorkflow,
    ExportFindingsSheetWorkflow,
    OpenGitHubIssueWorkflow,
    SetupGuardWorkflow,
    SweepChannelWorkflow,
    ReportWorkflow,
    WeeklyDigestWorkflow,
  ],
  outgoingDomains: Object.keys(OUTGOING_DOMAINS),
  datastores: [FindingsDatastore, SettingsDatastore, ExternalConnectionsDatastore, SweepsDatastore],
  // Reads GOOGLE_CLIENT_ID and GITHUB_CLIENT_ID (README, "External accounts").
  externalAuthProviders: externalAuthProviders(),
  botScopes: Object.keys(BOT_SCOPES),
});
