import React from "react";
import { Button } from "@acme/core/ui";

export const App = () => <Button label="@acme/core/ui" />;
