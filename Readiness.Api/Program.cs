using Readiness.Api;
using Readiness.Api.Assessments;
using Readiness.Api.Auth;
using Readiness.Api.Districts;
using Readiness.Api.Exports;
using Readiness.Api.Localization;
using Readiness.Api.Jobs;
using Readiness.Api.Municipalities;
using Readiness.Api.Pairing;
using Readiness.Api.PeerGroups;
using Readiness.Api.Readiness;
using Readiness.Api.Runs;
using Readiness.Api.SharedServices;

// `keys create|list|revoke`: API keys on the same configuration and database; never starts the server.
if (KeysCommand.Matches(args))
{
    return KeysCommand.Run(args, Console.Out, Console.Error);
}

// `--worker` (or Readiness:Jobs:Mode=worker): the job server alone, without HTTP; the API then runs with Readiness:Jobs:RunServer=false.
var arguments = WorkerHost.Arguments(args);
var builder = WebApplication.CreateBuilder(arguments);
if (WorkerHost.IsRequested(builder.Configuration))
{
    return WorkerHost.Run(arguments);
}

// Options: a bad setting stops the start with a message naming it.
builder.Services.AddOptions<ReadinessOptions>()
    .BindConfiguration(ReadinessOptions.Section)
    .ValidateDataAnnotations()
    .ValidateOnStart();

// Data: one SQLite file under the data folder, migrated and seeded before the first request.
builder.Services.AddReadinessData();

// HTTP: problem details for every error, enums as kebab-case strings.
builder.Services.AddProblemDetails();
builder.Services.AddReadinessLocalization();
builder.Services.AddExceptionHandler<BadRequestExceptionHandler>();
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

var app = builder.Build();

app.Services.InitializeDatabase();
app.Services.StartRuns();

app.UseReadinessLocalization();
app.UseExceptionHandler();
app.UseStatusCodePages();

app.UseSwagger();
app.UseSwaggerUI(options => options.SwaggerEndpoint($"/swagger/{SwaggerSetup.DocumentName}/swagger.json", "Readiness API v1"));
app.UseReadinessAuth();

app.MapHealthEndpoints();
app.MapDistrictEndpoints();
app.MapMunicipalityEndpoints();
app.MapAssessmentWriteEndpoints();
app.MapReadinessEndpoints();
app.MapPeerGroupEndpoints();
app.MapPairingEndpoints();
app.MapSharedServiceEndpoints();
app.MapProfileEndpoints();
app.MapRunEndpoints();
app.MapExportEndpoints();
app.MapReadinessDashboard();

app.Run();
return 0;

/// <summary>The entry point, visible to the test host.</summary>
public partial class Program;
