// The AWS SDK warns on every client creation that Node 20 support ends; CI runs Node 20, and the
// notice would bury the test output (the shared jest preset in packages/tooling does the same).
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
