using Readiness.Api;
using Readiness.Api.Assessments;
using Readiness.Api.Decisions;
using Readiness.Api.Measures;
using Readiness.Api.Webhooks;
using Readiness.Api.Auth;
using Readiness.Api.Districts;
using Readiness.Api.Exports;
using Readiness.Api.Idempotency;
using Readiness.Api.Infrastructure;
using Readiness.Api.Localization;
using Readiness.Api.Jobs;
using Readiness.Api.Municipalities;
using Readiness.Api.Pairing;
using Readiness.Api.PeerGroups;
using Readiness.Api.Readiness;
using Readiness.Api.Runs;
using Readiness.Api.SharedServices;
using Readiness.Api.WebApp;

// `keys create|list|revoke`: API keys on the same configuration and database; never starts the server.
if (KeysCommand.Matches(args))
{
    return KeysCommand.Run(args, Console.Out, Console.Error);
}

// `backup <file>`: a consistent copy of the database through SQLite's online backup, also while the service runs.
if (BackupCommand.Matches(args))
{
    return BackupCommand.Run(args, Console.Out, Console.Error);
}

// `--worker` (or Readiness:Jobs:Mode=worker): the job server alone, without HTTP; the API then runs with Readiness:Jobs:RunServer=false.
var arguments = WorkerHost.Arguments(args);
MallocArenas.Limit();
var builder = WebApplication.CreateBuilder(arguments);
if (WorkerHost.IsRequested(builder.Configuration))
{
    return WorkerHost.Run(arguments);
}

// Threads: requests must not queue behind a run's parallel stages.
ThreadPoolSetup.Apply(builder.Configuration);

// Options: a bad setting stops the start with a message naming it.
builder.Services.AddOptions<ReadinessOptions>()
    .BindConfiguration(ReadinessOptions.Section)
    .ValidateDataAnnotations()
    .ValidateOnStart();

// Data: one SQLite file under the data folder, migrated and seeded before the first request.
builder.Services.AddReadinessData();

// HTTP: security headers on every answer and no Server header; problem details for every error, enums as kebab-case strings.
builder.Services.AddSecurityHeaders(builder.WebHost);
builder.Services.AddProblemDetails();
builder.Services.AddReadinessLocalization();
builder.Services.AddExceptionHandler<BadRequestExceptionHandler>();
builder.Services.AddExceptionHandler<StorageErrors>();
builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
builder.Services.ConfigureHttpJsonOptions(options => ApiJson.Configure(options.SerializerOptions));
builder.Services.AddReadinessOpenApi();

// Runs: computed by a Hangfire job (here, or in a worker), published atomically, served from memory.
builder.Services.AddReadinessRuns();
builder.Services.AddReadinessAnswers();
if (builder.Configuration.GetValue("Readiness:Jobs:RunServer", defaultValue: true))
{
    builder.Services.AddReadinessJobServer();
}

builder.Services.AddHostedService<PublishedRunWatcher>();

// Exports: the Bavarian boundaries are read once, on the first GeoJSON export.
builder.Services.AddSingleton<Readiness.Api.Exports.Boundaries>();

// Access: API keys with roles and districts, rate limits per key or client; the planner write path with its audit.
builder.Services.AddReadinessAuth();
builder.Services.AddAssessmentWrites();
builder.Services.AddIdempotencyKeys();

// The planners' web app at /, served from wwwroot.
builder.Services.AddWebApp();
builder.Services.AddDecisions();

var app = builder.Build();

// A damaged, emptied or unwritable database stops the start with one line and an exit code (README, "Exit codes").
if (StartupFailure.Guard(() =>
    {
        app.Services.InitializeDatabase();
        app.Services.StartRuns();
    }) is { } exitCode)
{
    return exitCode;
}

app.UseSecurityHeaders();
app.UseReadinessLocalization();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseQueryTextGuard();
app.UseWebApp();

app.UseSwagger();
app.UseSwaggerUI(options => options.SwaggerEndpoint($"/swagger/{SwaggerSetup.DocumentName}/swagger.json", "Readiness API v1"));
app.UseReadinessAuth();

app.MapHealthEndpoints();
app.MapDistrictEndpoints();
app.MapMunicipalityEndpoints();
app.MapAssessmentWriteEndpoints();
app.MapDecisionEndpoints();
app.MapMeasureEndpoints();
app.MapWebhookEndpoints();
app.MapReadinessEndpoints();
app.MapPeerGroupEndpoints();
app.MapSimilarEndpoints();
app.MapPairingEndpoints();
app.MapSharedServiceEndpoints();
app.MapProfileEndpoints();
app.MapRunEndpoints();
app.MapExportEndpoints();
app.MapReadinessDashboard();
app.MapWebApp();

app.Run();
return 0;

/// <summary>The entry point, visible to the test host.</summary>
public partial class Program;
