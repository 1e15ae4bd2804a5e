// What nearly every feature folder uses: typed results, parameter descriptions for the OpenAPI
// document, and the cross-cutting helpers (problems, paging, the AGS format, OpenAPI examples).
global using System.ComponentModel;
global using Microsoft.AspNetCore.Http.HttpResults;
global using Readiness.Api.Infrastructure;
global using Readiness.Api.OpenApi;
