// The API's reference: Swagger UI, from our own static files, made from the OpenAPI
// schema whose address the page gives. Settings keep it to this host: no validator badge
// (it would load an image from another site) and no links out.

const container = document.getElementById("api-reference");

// The page above says what the API is and under which licence, under its own heading:
// Swagger UI's block of the schema's title would be a second <h1> saying it again.
const withoutInfo = () => ({
  wrapComponents: { InfoContainer: () => () => null, info: () => () => null },
});

if (container && window.SwaggerUIBundle) {
  container.replaceChildren();
  window.SwaggerUIBundle({
    url: container.dataset.schemaUrl,
    domNode: container,
    presets: [window.SwaggerUIBundle.presets.apis],
    layout: "BaseLayout",
    plugins: [withoutInfo],
    validatorUrl: null,
    deepLinking: false,
    docExpansion: "list",
    defaultModelsExpandDepth: 0,
    tryItOutEnabled: true,
    supportedSubmitMethods: ["get", "head"],
    syntaxHighlight: false,
  });
}
