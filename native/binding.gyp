{
  "targets": [
    {
      "target_name": "modelsign_native",
      "sources": ["hash_files.c"],
      "cflags": ["-O2", "-Wall", "-Wextra", "-fvisibility=hidden"],
      "defines": ["NAPI_VERSION=8"]
    }
  ]
}
